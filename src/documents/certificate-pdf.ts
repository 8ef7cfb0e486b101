// The printable certificate of a micro-qualification: one A4 page in Kazakh, Russian and English, with
// the QR code of the credential's verification URL. pdfkit is imported here only.
import QRCode from "qrcode";
import type { LocalizedText } from "../domain/institutions/institution.js";
import { a4Document } from "./a4.js";

export interface CertificateData {
  readonly institution: LocalizedText;
  readonly learnerName: string;
  readonly programme: LocalizedText;
  readonly qualification: LocalizedText;
  readonly grade: { readonly letter: string; readonly gpa: number; readonly percent: number | null };
  readonly credits: number;
  readonly hours: number;
  readonly nqfLevel: number;
  readonly attestationDate: string;
  readonly issuedOn: string;
  readonly credentialId: string;
  readonly verificationUrl: string;
  readonly status: "active" | "suspended" | "revoked";
}

const LABELS = {
  title: { kk: "МИКРОБІЛІКТІЛІК ТУРАЛЫ КУӘЛІК", ru: "СВИДЕТЕЛЬСТВО О МИКРОКВАЛИФИКАЦИИ", en: "MICRO-QUALIFICATION CERTIFICATE" },
  certifies: { kk: "Осы куәлік берілді:", ru: "Настоящее свидетельство выдано:", en: "This certifies that" },
  completed: {
    kk: "бағдарламасын меңгеріп, қорытынды аттестаттаудан өтті және микробіліктілік берілді:",
    ru: "освоил(а) программу, прошёл(ла) итоговую аттестацию, и ему (ей) присвоена микроквалификация:",
    en: "completed the programme, passed the final attestation and is awarded the micro-qualification:",
  },
  grade: { kk: "Баға", ru: "Оценка", en: "Grade" },
  credits: { kk: "Кредиттер", ru: "Кредиты", en: "Credits" },
  hours: { kk: "академиялық сағат", ru: "академических часов", en: "academic hours" },
  nqf: { kk: "ҰБШ деңгейі", ru: "Уровень НРК", en: "NQF level" },
  attestation: { kk: "Қорытынды аттестаттау", ru: "Итоговая аттестация", en: "Final attestation" },
  issued: { kk: "Берілген күні", ru: "Дата выдачи", en: "Issued on" },
  verify: { kk: "Түпнұсқалығын тексеру", ru: "Проверка подлинности", en: "Verify this certificate" },
  revoked: { kk: "КЕРІ ҚАЙТАРЫЛДЫ", ru: "ОТОЗВАНО", en: "REVOKED" },
  suspended: { kk: "ТОҚТАТЫЛДЫ", ru: "ПРИОСТАНОВЛЕНО", en: "SUSPENDED" },
} as const satisfies Record<string, LocalizedText>;

const all = (t: LocalizedText) => `${t.kk} / ${t.ru} / ${t.en}`;

export async function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.verificationUrl, { width: 360, margin: 1, errorCorrectionLevel: "M" });
  const { doc, width, finish } = a4Document({
    margins: { top: 56, bottom: 48, left: 56, right: 56 },
    info: { Title: `${data.qualification.en} — ${data.learnerName}`, Subject: data.credentialId, Author: data.institution.en },
  });
  const left = doc.page.margins.left;
  doc
    .lineWidth(2)
    .strokeColor("#1f4e79")
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .stroke();

  doc.font("bold").fontSize(11).fillColor("#1f4e79");
  for (const lang of ["kk", "ru", "en"] as const) doc.text(data.institution[lang], { align: "center", width });
  doc.moveDown(1.2);
  doc.font("title").fontSize(15).fillColor("#000000");
  for (const lang of ["kk", "ru", "en"] as const) doc.text(LABELS.title[lang], { align: "center", width });
  doc.moveDown(1.2);

  doc.font("regular").fontSize(10).fillColor("#333333").text(all(LABELS.certifies), { align: "center", width });
  doc.moveDown(0.4);
  doc.font("bold").fontSize(20).fillColor("#000000").text(data.learnerName, { align: "center", width });
  doc.moveDown(0.6);
  doc.font("regular").fontSize(10).fillColor("#333333");
  for (const lang of ["kk", "ru", "en"] as const) doc.text(`«${data.programme[lang]}»`, { align: "center", width });
  doc.moveDown(0.4);
  doc.text(all(LABELS.completed), { align: "center", width });
  doc.moveDown(0.4);
  doc.font("bold").fontSize(14).fillColor("#1f4e79");
  for (const lang of ["kk", "ru", "en"] as const) doc.text(data.qualification[lang], { align: "center", width });
  doc.moveDown(1.2);

  const rows: [LocalizedText, string][] = [
    [LABELS.grade, `${data.grade.letter} (${data.grade.gpa.toFixed(2)}${data.grade.percent !== null ? `; ${data.grade.percent} %` : ""})`],
    [LABELS.credits, `${data.credits} (${data.hours} ${LABELS.hours.kk} / ${LABELS.hours.ru} / ${LABELS.hours.en})`],
    [LABELS.nqf, String(data.nqfLevel)],
    [LABELS.attestation, data.attestationDate],
    [LABELS.issued, data.issuedOn],
  ];
  doc.fontSize(10).fillColor("#000000");
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font("regular")
      .fillColor("#555555")
      .text(all(label), left, y, { width: width * 0.55 });
    const labelBottom = doc.y;
    doc
      .font("bold")
      .fillColor("#000000")
      .text(value, left + width * 0.57, y, { width: width * 0.43 });
    doc.y = Math.max(labelBottom, doc.y) + 6;
  }

  const qrSize = 120;
  const qrY = doc.page.height - doc.page.margins.bottom - qrSize - 40;
  doc.image(qr, left, qrY, { width: qrSize, height: qrSize });
  doc
    .font("bold")
    .fontSize(9)
    .fillColor("#1f4e79")
    .text(all(LABELS.verify), left + qrSize + 16, qrY + 10, { width: width - qrSize - 16 });
  doc
    .font("regular")
    .fontSize(8)
    .fillColor("#333333")
    .text(data.verificationUrl, { width: width - qrSize - 16, link: data.verificationUrl });
  doc.moveDown(0.5).text(`ID: ${data.credentialId}`, { width: width - qrSize - 16 });

  if (data.status !== "active") {
    const label = data.status === "revoked" ? LABELS.revoked : LABELS.suspended;
    doc.save();
    doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.font("bold").fontSize(44).fillColor("#c00000").opacity(0.35);
    doc.text(label.kk, 0, doc.page.height / 2 - 90, { align: "center", width: doc.page.width });
    doc.text(label.ru, { align: "center", width: doc.page.width });
    doc.text(label.en, { align: "center", width: doc.page.width });
    doc.restore();
  }
  return finish();
}
