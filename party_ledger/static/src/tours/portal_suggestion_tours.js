/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// An employee raises a suggestion from /my/suggestions.
registry.category("web_tour.tours").add("party_ledger_portal_raise", partyTour({
    url: "/my/suggestions",
    steps: () => [
        {
            content: "Open the suggestion form",
            trigger: "a[href='/my/suggestions/new']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Give a title",
            trigger: "form.o_party_suggestion_form input[name=title]",
            run: "edit 更衣室热水不足",
        },
        {
            content: "Describe it",
            trigger: "form.o_party_suggestion_form textarea[name=description]",
            run: "edit 夜班交班后洗澡经常没有热水。",
        },
        {
            content: "Submit",
            trigger: "form.o_party_suggestion_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new item is shown",
            trigger: "h4:contains('更衣室热水不足')",
        },
    ],
}));

// Once the item is closed, the employee answers the satisfaction form (the
// test opens the item's page).
registry.category("web_tour.tours").add("party_ledger_portal_feedback", partyTour({
    steps: () => [
        {
            content: "Not satisfied",
            trigger: "form.o_party_feedback_form input[value=unsatisfied]",
            run: "click",
        },
        {
            content: "Say why",
            trigger: "form.o_party_feedback_form textarea[name=comment]",
            run: "edit 只修好了一个热水器。",
        },
        {
            content: "Send the feedback",
            trigger: "form.o_party_feedback_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The item is back in progress",
            trigger: ".o_party_suggestion_state:contains('In Progress')",
        },
    ],
}));
