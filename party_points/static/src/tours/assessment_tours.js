/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// The Party committee assesses a span over a closed quarter: creates the
// assessment, computes it and publishes the proposed grades (公示).
tours.add("party_points_assessment_publish", partyTour({
    url: "/web#action=party_points.party_points_assessment_action",
    steps: () => [
        {
            content: "New assessment",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 2031年一季度考评",
        },
        {
            content: "Open the start date",
            trigger: ".o_field_widget[name=date_start] .o_input",
            run: "click",
        },
        {
            content: "The first day",
            trigger: ".o_field_widget[name=date_start] input",
            run: "edit 01/01/2031",
        },
        {
            content: "Open the end date",
            trigger: ".o_field_widget[name=date_end] .o_input",
            run: "click",
        },
        {
            content: "The last day",
            trigger: ".o_field_widget[name=date_end] input",
            run: "edit 03/31/2031",
        },
        {
            content: "Type the closed quarter",
            trigger: ".o_field_widget[name=period_ids] input",
            run: "edit 2031 Q1",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-menu a:contains('2031 Q1')",
            run: "click",
        },
        {
            content: "The rule book's bands come with it",
            trigger: ".o_field_widget[name=ruleset_id]:contains('Test Rules')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Compute",
            trigger: ".o_statusbar_buttons button[name=action_compute]",
            run: "click",
        },
        {
            content: "The members are graded",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Member Zhang')",
        },
        {
            content: "Publish",
            trigger: ".o_statusbar_buttons button[name=action_publish]",
            run: "click",
        },
        {
            content: "Confirm the publishing",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "Published",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Public Notice'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Public Notice')",
        },
        {
            content: "The notice has its end",
            trigger: ".o_field_widget[name=notice_end]:not(:empty)",
        },
    ],
}));

// A member casts their 民主评议 votes on /my/assessment: one fellow member
// excellent, the rest left blank, and sees the votes counted.
tours.add("party_points_portal_assessment_vote", partyTour({
    url: "/my/assessment",
    steps: () => [
        {
            content: "Vote excellent for Member Wu",
            trigger: "form.o_party_assessment_vote label:contains('Member Wu')",
            run() {
                const select = document.getElementById(this.anchor.getAttribute("for"));
                select.value = "excellent";
            },
        },
        {
            content: "Cast the votes",
            trigger: "form.o_party_assessment_vote button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Counted",
            trigger: ".alert-success:contains('Your votes were counted')",
        },
    ],
}));

// The branch secretary records the 支部大会 decision on a member proposed
// 不合格 from the follow-up form (started on the record by the test).
tours.add("party_points_assessment_followup_meeting", partyTour({
    steps: () => [
        {
            content: "Open the meeting date",
            trigger: ".o_field_widget[name=meeting_date] .o_input",
            run: "click",
        },
        {
            content: "The day of the branch meeting",
            trigger: ".o_field_widget[name=meeting_date] input",
            run: "edit 01/10/2032",
        },
        {
            content: "Members present",
            trigger: ".o_field_widget[name=members_present] input",
            run: "edit 5",
        },
        {
            content: "Votes for",
            trigger: ".o_field_widget[name=votes_for] input",
            run: "edit 4",
        },
        {
            content: "Votes against",
            trigger: ".o_field_widget[name=votes_against] input",
            run: "edit 1",
        },
        {
            content: "Record the decision",
            trigger: ".o_statusbar_buttons button[name=action_record_meeting]",
            run: "click",
        },
        {
            content: "Recorded: the committee approves it next",
            trigger: ".o_field_widget[name=meeting_state]:contains('Recorded')",
        },
    ],
}));

// The branch secretary writes the branch committee's opinion on a member
// from the assessment's lines.
tours.add("party_points_assessment_opinion", partyTour({
    steps: () => [
        {
            content: "The opinion button of Member Wu's line",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Member Wu') button[name=action_open_opinion]",
            run: "click",
        },
        {
            content: "Write the opinion",
            trigger: ".o_field_widget[name=opinion] textarea",
            run: "edit 模范带头作用突出",
        },
        {
            content: "Confirm",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
            in_modal: false,
        },
    ],
}));

// A member writes their self-assessment on /my/assessment.
tours.add("party_points_portal_assessment_self", partyTour({
    url: "/my/assessment",
    steps: () => [
        {
            content: "Write the self-assessment",
            trigger: "form.o_party_assessment_self textarea[name=self_assessment]",
            run: "edit 按时参加组织生活，完成岗位任务",
        },
        {
            content: "Save it",
            trigger: "form.o_party_assessment_self button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: ".alert-success:contains('Your self-assessment was saved')",
        },
    ],
}));

// A member confirms their final grade on /my/assessment (签字确认).
tours.add("party_points_portal_assessment_confirm", partyTour({
    url: "/my/assessment",
    steps: () => [
        {
            content: "Confirm my grade",
            trigger: "form.o_party_assessment_confirm button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Confirmed",
            trigger: ".o_party_confirmed",
        },
    ],
}));
