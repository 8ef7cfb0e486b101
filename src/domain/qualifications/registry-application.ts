// The application for including a programme in the Registry of educational programmes (M п.27–28,
// appendix): exactly its ten fields, in the order of the appendix.
import type { Institution, LocalizedText } from "../institutions/institution.js";
import type { Accreditation, LearningOutcome, ProfessionalBasis, ProgrammeContent, StudyForm, Workload } from "./programme.js";

export interface RegistryApplication {
  readonly "1_organisation": { readonly name: LocalizedText; readonly bin: string };
  readonly "2_programmeName": LocalizedText;
  readonly "3_goal": LocalizedText;
  readonly "4_formOfStudy": StudyForm;
  readonly "5_nqfLevel": number;
  readonly "6_accreditation": readonly Accreditation[] | "none";
  readonly "7_workload": Workload;
  readonly "8_languages": readonly string[];
  readonly "9_professionalStandard": ProfessionalBasis;
  readonly "10_learningOutcomes": readonly LearningOutcome[];
}

export function registryApplication(
  institution: Pick<Institution, "names" | "bin">,
  content: ProgrammeContent,
  workload: Workload,
): RegistryApplication {
  return {
    "1_organisation": { name: institution.names, bin: institution.bin },
    "2_programmeName": content.names,
    "3_goal": content.goal,
    "4_formOfStudy": content.form,
    "5_nqfLevel": content.nqfLevel,
    "6_accreditation": content.accreditations.length > 0 ? content.accreditations : "none",
    "7_workload": workload,
    "8_languages": content.languages,
    "9_professionalStandard": content.professionalBasis,
    "10_learningOutcomes": content.learningOutcomes,
  };
}
