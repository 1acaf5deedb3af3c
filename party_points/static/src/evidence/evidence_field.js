/** @odoo-module **/
/* Evidence of a points entry, previewed in place for the approver: images
 * as thumbnails, PDFs and the rest as cards; a click opens Odoo's file
 * viewer (images and PDF) on the form, without downloading. */

import { registry } from "@web/core/registry";
import { FileModel } from "@web/core/file_viewer/file_model";
import { useFileViewer } from "@web/core/file_viewer/file_viewer_hook";
import {
    Many2ManyBinaryField,
    many2ManyBinaryField,
} from "@web/views/fields/many2many_binary/many2many_binary_field";

export class PartyEvidenceField extends Many2ManyBinaryField {
    static template = "party_points.EvidenceField";

    setup() {
        super.setup();
        this.fileViewer = useFileViewer();
    }

    get viewerFiles() {
        return this.files.map((file) => Object.assign(new FileModel(), file));
    }

    thumbnail(file) {
        return `/web/image/${file.id}/240x180?unique=${encodeURIComponent(file.checksum || "")}`;
    }

    isImage(file) {
        return (file.mimetype || "").startsWith("image/");
    }

    isPdf(file) {
        return (file.mimetype || "").startsWith("application/pdf");
    }

    preview(file) {
        const files = this.viewerFiles;
        const current = files.find((candidate) => candidate.id === file.id);
        if (current && current.isViewable) {
            this.fileViewer.open(current, files);
        } else {
            window.open(this.getUrl(file.id), "_blank");
        }
    }
}

export const partyEvidenceField = {
    ...many2ManyBinaryField,
    component: PartyEvidenceField,
    relatedFields: [...many2ManyBinaryField.relatedFields, { name: "checksum", type: "char" }],
};

registry.category("fields").add("party_evidence", partyEvidenceField);
