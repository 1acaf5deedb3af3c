/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A Party group's leader claims a published wish for their group on the
// campaign's portal page, and lands on the wish, claimed by the group.
registry.category("web_tour.tours").add("party_ledger_portal_wish_group_claim", partyTour({
    // started on the campaign's page by the test
    steps: () => [
        {
            content: "Claim the reading lamp as my group",
            trigger:
                "tr:has(a:contains('一盏护眼台灯')) form.o_party_wish_claim_group button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The wish is claimed by the group, with the progress form",
            trigger: "dd:contains('Boiler Group')",
        },
        {
            content: "Progress form offered",
            trigger: "form.o_party_wish_progress_form",
        },
    ],
}));
