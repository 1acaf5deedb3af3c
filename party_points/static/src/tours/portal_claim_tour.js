/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A member claims points for a lecture from /my/points and sees the claim
// waiting for approval.
registry.category("web_tour.tours").add("party_points_portal_claim", partyTour({
    url: "/my/points",
    steps: () => [
        {
            content: "Open the claim form",
            trigger: "a.o_party_claim_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the branch meeting",
            trigger: "form.o_party_claim_form select[name=rule_id]",
            run() {
                const select = this.anchor;
                const option = [...select.options].find((opt) =>
                    opt.text.includes("P-MEET")
                );
                select.value = option.value;
            },
        },
        {
            content: "Claim two units",
            trigger: "form.o_party_claim_form input[name=quantity]",
            run: "edit 2",
        },
        {
            content: "Say what was done",
            trigger: "form.o_party_claim_form textarea[name=description]",
            run: "edit 为车间班组讲授党课",
        },
        {
            content: "Submit the claim",
            trigger: "form.o_party_claim_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The claim waits for approval",
            trigger: ".badge:contains('Submitted')",
        },
    ],
}));
