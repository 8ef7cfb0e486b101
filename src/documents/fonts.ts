import { createRequire } from "node:module";
import path from "node:path";

// DejaVu covers the whole Kazakh Cyrillic alphabet (ә ғ қ ң ө ұ ү һ і) as well as Russian and Latin.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const FONTS = {
  regular: path.join(fontDir, "DejaVuSans.ttf"),
  bold: path.join(fontDir, "DejaVuSans-Bold.ttf"),
  serifBold: path.join(fontDir, "DejaVuSerif-Bold.ttf"),
} as const;
