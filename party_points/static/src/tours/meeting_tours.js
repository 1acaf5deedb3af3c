/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// A branch secretary plans a meeting, finds every member of the branch
// listed as present, marks one absent and one excused, and confirms: the
// attendance points are posted.
tours.add("party_points_meeting_attendance", partyTour({
    url: "/web#action=party_points.party_meeting_action",
    steps: () => [
        {
            content: "New meeting",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The topic",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 学习安全生产规程",
        },
        {
            content: "Type the meeting type",
            trigger: ".o_field_widget[name=type_id] input",
            run: "edit Test Theme",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Test Theme Day')",
            run: "click",
        },
        {
            content: "Every member of the branch is listed",
            trigger: ".o_field_widget[name=attendance_ids] .o_data_row:contains('Member Zhou')",
        },
        {
            content: "Open Member Sun's line",
            trigger: ".o_data_row:contains('Member Sun') td[name=status]",
            run: "click",
        },
        {
            content: "Member Sun was absent",
            trigger: ".o_data_row.o_selected_row td[name=status] .o_selection_badge:contains('Absent')",
            run: "click",
        },
        {
            content: "Open Member Zhou's line",
            trigger: ".o_data_row:contains('Member Zhou') td[name=status]",
            run: "click",
        },
        {
            content: "Member Zhou was on leave",
            trigger: ".o_data_row.o_selected_row td[name=status] .o_selection_badge:contains('Excused')",
            run: "click",
        },
        {
            content: "The reason for the leave",
            trigger: ".o_data_row.o_selected_row td[name=excuse_reason] input",
            run: "edit 夜班",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved, .o_form_view:not(:has(.o_form_button_save:visible))",
        },
        {
            content: "Confirm the attendance",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Agree",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Confirmed'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Confirmed')",
        },
        {
            content: "Two entries posted (Zhang present, Sun absent; Zhou excused)",
            trigger: ".oe_stat_button:contains('Points Entries'):contains('2')",
        },
    ],
}));

// The secretary grants the leave a member asked for on the portal: the line
// becomes excused, with the member's reason.
tours.add("party_points_meeting_grant_leave", partyTour({
    steps: () => [
        {
            content: "Member Zhang asked for leave",
            trigger: ".o_data_row:contains('Member Zhang'):contains('Leave Requested')",
        },
        {
            content: "Grant it",
            trigger: ".o_data_row:contains('Member Zhang') button[name=action_grant_leave]",
            run: "click",
        },
        {
            content: "Member Zhang is excused",
            trigger: ".o_data_row:contains('Member Zhang'):contains('Excused'):not(:has(button[name=action_grant_leave]))",
        },
    ],
}));
