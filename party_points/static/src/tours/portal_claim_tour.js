/** @odoo-module **/
import {registry} from "@web/core/registry";

// A member claims points for a lecture from /my/points and sees the claim
// waiting for approval.
registry.category("web_tour.tours").add("party_points_portal_claim", {
    test: true,
    url: "/my/points",
    steps: () => [
        {
            content: "Open the claim form",
            trigger: "a.o_party_claim_button",
        },
        {
            content: "Choose the branch meeting",
            trigger: "form.o_party_claim_form select[name=rule_id]",
            run() {
                const select = this.$anchor[0];
                const option = [...select.options].find((opt) =>
                    opt.text.includes("P-MEET")
                );
                select.value = option.value;
            },
        },
        {
            content: "Claim two units",
            trigger: "form.o_party_claim_form input[name=quantity]",
            run: "text 2",
        },
        {
            content: "Say what was done",
            trigger: "form.o_party_claim_form textarea[name=description]",
            run: "text 为车间班组讲授党课",
        },
        {
            content: "Submit the claim",
            trigger: "form.o_party_claim_form button[type=submit]",
        },
        {
            content: "The claim waits for approval",
            trigger: ".badge:contains('Submitted')",
            isCheck: true,
        },
    ],
});
