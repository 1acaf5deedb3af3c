/** @odoo-module **/
import {session} from "@web/session";

// The tours are written as Odoo 18.0 and later run them: every step says
// what it does (run: "click", "edit <text>", a function given the step's
// anchor element as this.anchor), a step without run only waits for its
// trigger; in_modal is the one 17.0 key they keep. Odoo 17.0 names these differently; partyTour() tells the tour to
// the series that runs it (see docs/series.md).
const SERIES = (session.server_version_info || [17])[0];

function stepFor17(fullStep) {
    // (a step that loads another page says so since 18.0; 17.0 waits anyway)
    const {expectUnloadPage, ...step} = fullStep; // eslint-disable-line no-unused-vars
    if (step.run === undefined) {
        return {...step, isCheck: true};
    }
    if (typeof step.run === "string" && step.run.startsWith("edit ")) {
        return {...step, run: "text " + step.run.slice(5)};
    }
    if (typeof step.run === "function") {
        const run = step.run;
        return {
            ...step,
            run(actions) {
                return run.call({anchor: this.$anchor[0]}, actions);
            },
        };
    }
    return step;
}

// in_modal: false (look for the trigger outside an open dialog too) is a
// 17.0 key; later series look everywhere and refuse the key.
function stepForNewer(step) {
    const {in_modal, ...newer} = step; // eslint-disable-line no-unused-vars
    return newer;
}

export function partyTour(definition) {
    if (SERIES >= 18) {
        return {...definition, steps: () => definition.steps().map(stepForNewer)};
    }
    return {
        ...definition,
        test: true,
        steps: () => definition.steps().map(stepFor17),
    };
}
