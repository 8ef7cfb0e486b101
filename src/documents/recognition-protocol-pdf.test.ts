import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/helpers/pdf.js";
import {
  renderProtocolExtractPdf,
  renderRecognitionProtocolPdf,
  type DocumentLang,
  type ProtocolAgendaItem,
  type RecognisedDiscipline,
  type RecognitionProtocolInput,
} from "./recognition-protocol-pdf.js";

const LANGS: readonly DocumentLang[] = ["kk", "ru", "en"];

const discipline = (n: number): RecognisedDiscipline => ({
  code: `IS${String(n).padStart(3, "0")}`,
  names: { kk: `Ақпараттық жүйелер ${n}`, ru: `Информационные системы ${n}`, en: `Information systems ${n}` },
  credits: 5,
  hours: 150,
  letter: "B+",
});

const nonFormal: ProtocolAgendaItem = {
  applicationId: "app-a",
  applicationNumber: 12,
  applicant: {
    fullName: "Сәрсенбаева Әлия Нұрланқызы",
    programme: { kk: "6B06101 Ақпараттық жүйелер", ru: "6B06101 Информационные системы", en: "6B06101 Information systems" },
    group: "ИС-21",
  },
  procedure: "A",
  documents: [
    { title: "Certificate", issuer: "Coursera / University of Michigan", number: "ABC123", issuedOn: "2025-06-30", verdict: "valid" },
  ],
  expertConclusion: {
    date: "2025-09-10",
    summary: { kk: "Оқыту нәтижелері сәйкес келеді.", ru: "Результаты обучения соответствуют.", en: "The learning outcomes match." },
  },
  motion: [
    {
      code: "PY101",
      names: { kk: "Python тілінде бағдарламалау", ru: "Программирование на Python", en: "Programming in Python" },
      credits: 5,
      hours: 150,
      letter: "A-",
    },
    { code: "DB201", names: { kk: "Деректер қоры", ru: "Базы данных", en: "Databases" }, credits: 4, hours: null, letter: "B" },
  ],
  vote: { for: 4, against: 1, abstain: 0 },
  outcome: "adopted",
};

const professional: ProtocolAgendaItem = {
  applicationId: "app-b",
  applicant: { fullName: "Тоқтаров Ерлан Қуанышұлы" },
  procedure: "B",
  documents: [{ title: "Кәсіптік біліктілікті тану туралы куәлік", issuer: "«Өрлеу» тану орталығы" }],
  expertConclusion: { summary: "Көлемі жеткіліксіз." },
  motion: [{ code: "NET301", names: { kk: "Желілер", ru: "Сети", en: "Networks" }, credits: 5, hours: 150, letter: "C" }],
  vote: { for: 2, against: 2, abstain: 1 },
  outcome: "not_adopted",
};

const micro: ProtocolAgendaItem = {
  applicationId: "app-m",
  applicant: { fullName: "Жұмабекова Гүлнұр Серікқызы" },
  procedure: "micro",
  documents: [{ title: "Micro-qualification certificate", issuer: "Satbayev University", verdict: "untrusted_issuer" }],
  expertConclusion: { summary: "Outcomes match 40 disciplines." },
  motion: Array.from({ length: 40 }, (_, i) => discipline(i + 1)),
  vote: { for: 5, against: 0, abstain: 0 },
  outcome: "adopted",
};

const protocol: RecognitionProtocolInput = {
  institution: {
    kk: "Әл-Фараби атындағы Қазақ ұлттық университеті",
    ru: "Казахский национальный университет имени аль-Фараби",
    en: "Al-Farabi Kazakh National University",
  },
  commission: {
    names: {
      kk: "Бейресми білім беру нәтижелерін тану жөніндегі комиссия",
      ru: "Комиссия по признанию результатов обучения неформального образования",
      en: "Commission for recognising non-formal learning outcomes",
    },
    order: { number: "145-П", date: "2025-08-20" },
  },
  number: 7,
  date: "2025-09-15",
  place: { kk: "Алматы қ., 305 аудитория", ru: "г. Алматы, аудитория 305", en: "Almaty, room 305" },
  members: [
    { fullName: "Омаров Бауыржан Ғалымұлы", role: "chair", present: true, position: { kk: "профессор", ru: "профессор", en: "professor" } },
    { fullName: "Ильина Мария Петровна", role: "deputy", present: true },
    { fullName: "Қасымов Нұржан", role: "member", present: true },
    { fullName: "Smith John", role: "member", present: true, position: "Kaspi.kz, senior engineer" },
    { fullName: "Үсенова Айгерім", role: "member", present: true },
    {
      fullName: "Ахметов Тимур",
      role: "member",
      present: false,
      absenceReason: { kk: "іссапар", ru: "командировка", en: "business trip" },
    },
    { fullName: "Ли Виктор", role: "member", present: false },
  ],
  secretary: {
    fullName: "Бекова Дана Маратқызы",
    position: { kk: "тіркеуші офисінің маманы", ru: "специалист офиса Регистратора", en: "registrar's office specialist" },
  },
  items: [nonFormal, professional, micro],
};

const flat = (text: string) => text.replace(/\s+/g, " ");

/** Text of each page, and the document's metadata, read back with pdf.js. */
async function pages(bytes: Buffer): Promise<{ texts: string[]; title: string; language: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    texts.push(flat(content.items.map((item) => ("str" in item ? item.str : "")).join(" ")));
  }
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
  await pdf.destroy();
  return { texts, title: info.Title ?? "", language: info.Language ?? "" };
}

const WORDS = {
  kk: {
    protocol: "ХАТТАМА № 7",
    present: "Қатысқандар",
    decision: "Шешім",
    votes: "қолдады — 4, қарсы — 1, қалыс қалды — 0",
    adopted: "қабылданды",
    rejected: "қабылданбады",
    quorum: "7 мүшесінен 5 мүше қатысты",
    extract: "ХАТТАМАДАН ҮЗІНДІ",
    recredited: "Қайта есептелді",
    none: "Пәндер қайта есептелмеді",
    exempt: "Қағидалардың 19-тармағы",
    discipline: "Python тілінде бағдарламалау",
    header: "Пәннің (модульдің) атауы",
  },
  ru: {
    protocol: "ПРОТОКОЛ № 7",
    present: "Присутствовали",
    decision: "Решение",
    votes: "за — 4, против — 1, воздержались — 0",
    adopted: "принято",
    rejected: "не принято",
    quorum: "присутствуют 5 из 7",
    extract: "ВЫПИСКА ИЗ ПРОТОКОЛА",
    recredited: "Перезачтено",
    none: "Дисциплины не перезачтены",
    exempt: "п. 19 Правил",
    discipline: "Программирование на Python",
    header: "Наименование дисциплины (модуля)",
  },
  en: {
    protocol: "PROTOCOL No. 7",
    present: "Present",
    decision: "Decision",
    votes: "for — 4, against — 1, abstained — 0",
    adopted: "adopted",
    rejected: "not adopted",
    quorum: "5 of 7 members present",
    extract: "EXTRACT FROM THE PROTOCOL",
    recredited: "Re-credited",
    none: "No disciplines were re-credited",
    exempt: "Rules, para. 19",
    discipline: "Programming in Python",
    header: "Discipline (module)",
  },
} as const;

describe("renderRecognitionProtocolPdf", () => {
  for (const lang of LANGS) {
    it(`prints the meeting, the attendance and every item's vote and decision (${lang})`, async () => {
      const bytes = await renderRecognitionProtocolPdf(protocol, lang);
      const read = await pdfText(bytes);
      const text = flat(read.text);
      const w = WORDS[lang];
      expect(read.width).toBeCloseTo(595.28, 0);
      expect(read.height).toBeCloseTo(841.89, 0);
      for (const fact of [
        w.protocol,
        protocol.institution[lang],
        protocol.commission.names[lang],
        "15.09.2025",
        "20.08.2025",
        "145-П",
        protocol.place && typeof protocol.place !== "string" ? protocol.place[lang] : "",
        w.present,
        w.quorum,
        w.decision,
        w.votes,
        w.adopted,
        w.rejected,
        w.discipline,
        "Омаров Бауыржан Ғалымұлы",
        "Бекова Дана Маратқызы",
        "Сәрсенбаева Әлия Нұрланқызы",
        "Тоқтаров Ерлан Қуанышұлы",
        "Жұмабекова Гүлнұр Серікқызы",
        "Coursera / University of Michigan",
        "30.06.2025",
        "IS040",
      ])
        expect(text).toContain(fact);
      // the 40 disciplines of the micro-qualification do not fit on the pages of one application
      expect(read.pages).toBeGreaterThan(2);
    });
  }

  it("sets the title and the language of the document", async () => {
    const { title, language } = await pages(await renderRecognitionProtocolPdf(protocol, "kk"));
    expect(title).toBe("ХАТТАМА № 7 — Бейресми білім беру нәтижелерін тану жөніндегі комиссия");
    expect(language).toBe("kk-KZ");
  });

  it("breaks a long table between rows and repeats its header on each page", async () => {
    const { texts } = await pages(await renderRecognitionProtocolPdf(protocol, "ru"));
    const all = texts.join(" ");
    for (let n = 1; n <= 40; n++)
      expect(all.match(new RegExp(`IS${String(n).padStart(3, "0")} Информационные системы ${n} 5 150 B\\+`, "g"))).toHaveLength(1);
    const withRows = texts.filter((t) => /IS0\d\d/.test(t));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain(WORDS.ru.header);
    texts.forEach((page, i) => expect(page).toContain(`Стр. ${i + 1} из ${texts.length}`));
  });

  it("refuses to print a decision the vote does not carry", async () => {
    const wrong = { ...protocol, items: [{ ...professional, outcome: "adopted" as const }] };
    await expect(renderRecognitionProtocolPdf(wrong, "ru")).rejects.toThrow(/contradicts the vote/);
    const tooMany = { ...protocol, items: [{ ...nonFormal, vote: { for: 5, against: 1, abstain: 0 } }] };
    await expect(renderRecognitionProtocolPdf(tooMany, "ru")).rejects.toThrow(/only 5 members/);
  });

  it("refuses a meeting that neither the chair nor the deputy conducts", async () => {
    const members = protocol.members.map((m) => (m.role === "member" ? m : { ...m, present: false }));
    await expect(renderRecognitionProtocolPdf({ ...protocol, members, items: [] }, "kk")).rejects.toThrow(
      /neither the chair nor the deputy/,
    );
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    await expect(renderRecognitionProtocolPdf({ ...protocol, date: "15.09.2025" }, "en")).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe("renderProtocolExtractPdf", () => {
  for (const lang of LANGS) {
    it(`extracts one adopted application with its re-credited disciplines (${lang})`, async () => {
      const read = await pdfText(await renderProtocolExtractPdf({ protocol, applicationId: "app-a", issuedOn: "2025-09-16" }, lang));
      const text = flat(read.text);
      const w = WORDS[lang];
      for (const fact of [
        w.extract,
        "15.09.2025",
        "16.09.2025",
        protocol.commission.names[lang],
        "Сәрсенбаева Әлия Нұрланқызы",
        w.votes,
        w.adopted,
        w.recredited,
        w.discipline,
        "PY101",
        "A-",
        w.exempt,
        "Бекова Дана Маратқызы",
      ])
        expect(text).toContain(fact);
      // only the chosen application
      expect(text).not.toContain("Тоқтаров");
      expect(text).not.toContain("IS001");
      expect(read.pages).toBe(1);
    });

    it(`says that nothing is re-credited when the motion fails (${lang})`, async () => {
      const text = flat((await pdfText(await renderProtocolExtractPdf({ protocol, applicationId: "app-b" }, lang))).text);
      expect(text).toContain(WORDS[lang].none);
      expect(text).toContain(WORDS[lang].rejected);
      expect(text).not.toContain(WORDS[lang].recredited);
    });
  }

  it("runs onto further pages for a long list of disciplines", async () => {
    const { texts, title, language } = await pages(
      await renderProtocolExtractPdf({ protocol, applicationId: "app-m", recipient: "academic_office" }, "kk"),
    );
    expect(texts.length).toBeGreaterThan(1);
    expect(language).toBe("kk-KZ");
    expect(title).toContain("ХАТТАМАДАН ҮЗІНДІ");
    const all = texts.join(" ");
    expect(all).toContain("Оқу бөлімі");
    expect(all).toContain("Барлығы 200 6000");
    for (const page of texts.filter((t) => /IS0\d\d/.test(t))) expect(page).toContain(WORDS.kk.header);
    expect(all.match(/Қайта есептелді/g)).toHaveLength(40);
  });

  it("refuses an application that is not on the agenda", async () => {
    await expect(renderProtocolExtractPdf({ protocol, applicationId: "nope" }, "ru")).rejects.toThrow(/not on the agenda/);
  });
});
