// The panel's own strings, bundled from the integration's panel_strings.
import en from "../../../custom_components/microdose_together/panel_strings/en.json";
import fi from "../../../custom_components/microdose_together/panel_strings/fi.json";
import { flatten, type Strings } from "./format";
import type { Language } from "./language";

export const PANEL_STRINGS: Record<Language, Strings> = {
  en: flatten(en),
  fi: flatten(fi),
};
