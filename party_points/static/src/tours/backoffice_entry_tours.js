/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A branch officer without HR rights finds a member by name in the ledger's
// search bar, then records an entry for another member through the form,
// saves it and approves it.
registry.category("web_tour.tours").add("party_points_record_entry", partyTour({
    url: "/web#action=party_points.party_points_entry_action",
    steps: () => [
        {
            content: "Search the ledger by member",
            trigger: ".o_searchview_input",
            run: "edit Member Sun",
        },
        {
            content: "Search the member field",
            trigger: ".o_searchview_autocomplete .dropdown-item:contains('Member Sun')",
            run: "click",
        },
        {
            content: "The search applies",
            trigger: ".o_searchview_facet:contains('Member Sun')",
        },
        {
            content: "New entry",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Type the member's name",
            trigger: ".o_field_widget[name=member_id] input",
            run: "edit Member Sun",
        },
        {
            content: "Pick the member",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Member Sun')",
            run: "click",
        },
        {
            content: "Type the rule",
            trigger: ".o_field_widget[name=rule_id] input",
            run: "edit ABSENT",
        },
        {
            content: "Pick the rule",
            trigger: ".o-autocomplete--dropdown-menu a:contains('ABSENT')",
            run: "click",
        },
        {
            content: "Open the date (a filled date is a button until then, since 19.0)",
            trigger: ".o_field_widget[name=date] .o_input",
            run: "click",
        },
        {
            content: "The day of the meeting",
            trigger: ".o_field_widget[name=date] input",
            run: "edit 02/10/2031",
        },
        {
            content: "Say what happened",
            trigger: ".o_field_widget[name=description] textarea",
            run: "edit 无故缺席支部党员大会",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved as a draft",
            trigger: ".o_breadcrumb:contains('Member Sun')",
        },
        {
            content: "Approve",
            trigger: "button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Approved'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Approved')",
        },
    ],
}));
