/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// An employee rates their own branch on /my/branch-rating (半年职工评议支部)
// and is told they have rated.
registry.category("web_tour.tours").add("party_points_portal_branch_rating", partyTour({
    url: "/my/branch-rating",
    steps: () => [
        {
            content: "Serving the staff: 4",
            trigger: "form.o_party_rating_form label[for=score_service_4]",
            run: "click",
        },
        {
            content: "Responding to problems: 5",
            trigger: "form.o_party_rating_form label[for=score_response_5]",
            run: "click",
        },
        {
            content: "Practical matters done: 3",
            trigger: "form.o_party_rating_form label[for=score_practical_3]",
            run: "click",
        },
        {
            content: "A comment",
            trigger: "form.o_party_rating_form textarea[name=comment]",
            run: "edit 希望多到班组听意见",
        },
        {
            content: "Send the rating",
            trigger: "form.o_party_rating_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The employee has rated",
            trigger: ".o_party_rating_done",
        },
    ],
}));

// The Party committee creates a half-year staff rating round, opens it and
// closes it; the results say which branches had too few respondents.
registry.category("web_tour.tours").add("party_points_staff_rating_round", partyTour({
    url: "/web#action=party_points.party_staff_rating_round_action",
    steps: () => [
        {
            content: "New round",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 2031年上半年职工评议支部（测试）",
        },
        {
            content: "Open the start date",
            trigger: ".o_field_widget[name=date_from] .o_input",
            run: "click",
        },
        {
            content: "The first day",
            trigger: ".o_field_widget[name=date_from] input",
            run: "edit 01/01/2031",
        },
        {
            content: "Open the end date",
            trigger: ".o_field_widget[name=date_to] .o_input",
            run: "click",
        },
        {
            content: "The last day",
            trigger: ".o_field_widget[name=date_to] input",
            run: "edit 06/30/2031",
        },
        {
            content: "The company's branches are rated",
            trigger: ".o_field_widget[name=branch_ids] .o_data_row:contains('Branch A')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Open the rating",
            trigger: ".o_statusbar_buttons button[name=action_open]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "Close and count",
            trigger: ".o_statusbar_buttons button[name=action_close]",
            run: "click",
        },
        {
            content: "Confirm the close",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "The results",
            trigger: ".o_notebook a:contains('Results')",
            run: "click",
        },
        {
            content: "Too few respondents: no average",
            trigger:
                ".o_field_widget[name=result_ids] .o_data_row:contains('Branch A'):contains('Fewer than 5 responses')",
        },
    ],
}));
