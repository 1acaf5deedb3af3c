/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A member reads the 公示 of their branch from /my/assessment and objects
// to a fellow member's published grade.
registry.category("web_tour.tours").add("party_points_portal_assessment_notice", partyTour({
    url: "/my/assessment",
    steps: () => [
        {
            content: "Open the notice of my branch",
            trigger: "a.o_party_assessment_notice_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The branch's grades are published",
            trigger: ".o_party_notice_line:contains('Member Wu')",
        },
        {
            content: "Object to Member Zheng's grade",
            trigger: ".o_party_notice_line:contains('Member Zheng') summary",
            run: "click",
        },
        {
            content: "Give the reasons",
            trigger: ".o_party_notice_line:contains('Member Zheng') textarea[name=reason]",
            run: "edit 二季度创新成果未计入",
        },
        {
            content: "File it",
            trigger: ".o_party_notice_line:contains('Member Zheng') button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Filed",
            trigger: ".alert-success:contains('Your objection was filed')",
        },
    ],
}));
