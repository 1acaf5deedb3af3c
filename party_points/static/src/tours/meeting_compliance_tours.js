/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A branch secretary opens the meeting compliance report: the pivot lists
// their branch with the meetings required and held and the attendance rate.
registry.category("web_tour.tours").add("party_points_meeting_compliance", partyTour({
    url: "/web#action=party_points.party_meeting_compliance_report_action",
    steps: () => [
        {
            content: "The pivot lists the secretary's branch",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Branch A')",
        },
        {
            content: "with the meetings required",
            trigger: ".o_pivot th:contains('Required')",
        },
        {
            content: "held and confirmed, with the attendance rate",
            trigger: ".o_pivot th:contains('Attendance Rate')",
        },
    ],
}));

// A branch secretary plans the year's meetings from the branch form: the
// planned meetings are listed.
registry.category("web_tour.tours").add("party_points_meeting_plan", partyTour({
    steps: () => [
        {
            content: "Plan this year's meetings",
            trigger: "button[name=action_plan_meetings]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The planned meetings are listed",
            trigger: ".o_list_view .o_data_row:contains('Planned'), .o_kanban_record:contains('Theme')",
        },
    ],
}));

// The branch committee opens the agenda pack of its meeting: what waits for
// it, with the list behind each item.
registry.category("web_tour.tours").add("party_points_meeting_agenda", partyTour({
    steps: () => [
        {
            content: "Open the agenda pack",
            trigger: "button[name=action_agenda_pack]",
            run: "click",
        },
        {
            content: "One entry waits for approval",
            trigger: ".o_data_row:contains('Entries waiting for approval')",
        },
        {
            content: "Open the entries",
            trigger: ".o_data_row button[name=action_open]",
            run: "click",
        },
        {
            content: "The entry waiting is listed",
            trigger: ".o_kanban_record:contains('Member Zhang'), .o_data_row:contains('Member Zhang')",
        },
    ],
}));
