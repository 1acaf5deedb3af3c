/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// The Party committee assesses a span over a closed quarter: creates the
// assessment, computes it and publishes the proposed grades (公示).
tours.add("party_points_assessment_publish", partyTour({
    url: "/web#action=party_points.party_points_assessment_action",
    steps: () => [
        {
            content: "New assessment",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 2031年一季度考评",
        },
        {
            content: "Open the start date",
            trigger: ".o_field_widget[name=date_start] .o_input",
            run: "click",
        },
        {
            content: "The first day",
            trigger: ".o_field_widget[name=date_start] input",
            run: "edit 01/01/2031",
        },
        {
            content: "Open the end date",
            trigger: ".o_field_widget[name=date_end] .o_input",
            run: "click",
        },
        {
            content: "The last day",
            trigger: ".o_field_widget[name=date_end] input",
            run: "edit 03/31/2031",
        },
        {
            content: "Type the closed quarter",
            trigger: ".o_field_widget[name=period_ids] input",
            run: "edit 2031 Q1",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-menu a:contains('2031 Q1')",
            run: "click",
        },
        {
            content: "The rule book's bands come with it",
            trigger: ".o_field_widget[name=ruleset_id]:contains('Test Rules')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Compute",
            trigger: ".o_statusbar_buttons button[name=action_compute]",
            run: "click",
        },
        {
            content: "The members are graded",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Member Zhang')",
        },
        {
            content: "Publish",
            trigger: ".o_statusbar_buttons button[name=action_publish]",
            run: "click",
        },
        {
            content: "Confirm the publishing",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "Published",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Public Notice'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Public Notice')",
        },
        {
            content: "The notice has its end",
            trigger: ".o_field_widget[name=notice_end]:not(:empty)",
        },
    ],
}));

// A member casts their 民主评议 votes on /my/assessment: one fellow member
// excellent, the rest left blank, and sees the votes counted.
tours.add("party_points_portal_assessment_vote", partyTour({
    url: "/my/assessment",
    steps: () => [
        {
            content: "Vote excellent for Member Wu",
            trigger: "form.o_party_assessment_vote label:contains('Member Wu')",
            run() {
                const select = document.getElementById(this.anchor.getAttribute("for"));
                select.value = "excellent";
            },
        },
        {
            content: "Cast the votes",
            trigger: "form.o_party_assessment_vote button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Counted",
            trigger: ".alert-success:contains('Your votes were counted')",
        },
    ],
}));
