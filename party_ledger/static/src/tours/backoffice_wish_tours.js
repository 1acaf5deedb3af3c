/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// A branch officer reviews two wishes raised in a wish campaign: accepts
// one (published to the branch's members) and declines the other with a
// reason.
tours.add("party_ledger_wish_review", partyTour({
    // started on the list of wishes by the test
    steps: () => [
        {
            content: "Open the wish for a reading lamp",
            trigger: ".o_data_row td:contains('一盏护眼台灯')",
            run: "click",
        },
        {
            content: "Accept and publish it",
            trigger: ".o_statusbar_buttons button[name=action_accept]",
            run: "click",
        },
        {
            content: "Accepted",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Accepted'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Accepted')",
        },
        {
            content: "Back to the wishes",
            trigger: ".breadcrumb-item a:contains('Wishes')",
            run: "click",
        },
        {
            content: "Open the wish for a new canteen",
            trigger: ".o_data_row td:contains('新建职工食堂')",
            run: "click",
        },
        {
            content: "Decline it",
            trigger: ".o_statusbar_buttons button[name=action_open_wizard]:contains('Decline')",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit 新建食堂需列入公司年度投资计划，已转请工会向公司反映。",
        },
        {
            content: "Apply",
            trigger: "button[name=action_apply]",
            run: "click",
        },
        {
            content: "Declined",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Declined'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Declined')",
        },
    ],
}));
