/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// A branch secretary opens the branch's star rating, describes the proof of
// one criterion and submits it to the Party committee.
tours.add("party_points_rating_submit_evidence", partyTour({
    steps: () => [
        {
            content: "Evaluate again: the figures of the year so far",
            trigger: "button[name=action_evaluate]:contains('Evaluate Again')",
            run: "click",
        },
        {
            content: "Evaluated just now (not in 2030 any more)",
            trigger: ".o_field_widget[name=evaluated_date]:not(:contains('2030'))",
        },
        {
            content: "What blocks 3 stars is listed",
            trigger: ".o_field_widget[name=blocker_note]:contains('Dues collected')",
        },
        {
            content: "Open the proof of the dues",
            trigger: ".o_data_row:contains('Dues collected') td[name=evidence_note]",
            run: "click",
        },
        {
            content: "Describe the proof",
            trigger: ".o_data_row.o_selected_row td[name=evidence_note] textarea",
            run: "edit 党费收缴台账12个月齐全",
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
            content: "The proof is kept",
            trigger: ".o_data_row:contains('Dues collected') td[name=evidence_note]:contains('党费收缴台账')",
        },
        {
            content: "The proof is kept",
            trigger: ".o_data_row:contains('Dues collected') td[name=evidence_note]:contains('党费收缴台账')",
        },
        {
            content: "Submit it to the committee",
            trigger: ".o_data_row:contains('Dues collected') button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_data_row:contains('Dues collected'):contains('Submitted')",
        },
    ],
}));

// The Party committee accepts the evidence, raises the proposed level with a
// reason and confirms the branch's stars.
tours.add("party_points_rating_confirm", partyTour({
    steps: () => [
        {
            content: "Accept the submitted proof",
            trigger: ".o_data_row:contains('Dues collected') button[name=action_accept]",
            run: "click",
        },
        {
            content: "The branch now reaches 3 stars",
            trigger: ".o_field_widget[name=proposed_level]:contains('3 Stars')",
        },
        {
            content: "The committee decides 4 stars",
            trigger: ".o_field_widget[name=decided_level] label:contains('4 Stars')",
            run: "click",
        },
        {
            content: "Its reason",
            trigger: ".o_field_widget[name=decision_reason] textarea",
            run: "edit 获评省级先进基层党组织",
        },
        {
            content: "Confirm the level",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Agree",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Confirmed at 4 stars, raised",
            trigger: ".o_field_widget[name=final_level]:contains('4 Stars')",
        },
    ],
}));

// A branch secretary asks the branch form what stands between the branch and
// its stars this year.
tours.add("party_points_branch_star_rating", partyTour({
    steps: () => [
        {
            content: "Ask for this year's star rating",
            trigger: "button[name=action_star_rating]",
            run: "click",
        },
        {
            content: "The rating of the branch, evaluated now",
            trigger: ".o_form_view .o_field_widget[name=branch_id]:contains('Branch A')",
        },
        {
            content: "What blocks 3 stars is listed",
            trigger: ".o_field_widget[name=blocker_note]:contains('Dues collected')",
        },
    ],
}));
