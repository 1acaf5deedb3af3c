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
