/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// At a talk session, the branch secretary records what an employee said
// from the meeting's form: the item is linked to the meeting, in its
// branch, through the talk-session channel.
tours.add("party_ledger_meeting_suggestion", partyTour({
    // started on the meeting by the test
    steps: () => [
        {
            content: "Open the suggestions of the meeting",
            trigger: ".o_notebook a:contains('Suggestions')",
            run: "click",
        },
        {
            content: "Record a suggestion",
            trigger: "button[name=action_record_suggestion]",
            run: "click",
        },
        {
            content: "The item comes from the meeting",
            trigger: ".o_field_widget[name=meeting_id] input",
            run: function () {
                if (this.anchor.value !== "Talk session A") {
                    console.error("The new item is not linked to the meeting");
                }
            },
        },
        {
            content: "What the employee said",
            trigger: ".o_field_widget[name=title] input",
            run: "edit 零点交班后没有回城的车",
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
    ],
}));
