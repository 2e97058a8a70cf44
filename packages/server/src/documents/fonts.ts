import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const sarabun = dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
const folder = (name: string) => dirname(require.resolve(`@expo-google-fonts/${name}/package.json`));

/** Sarabun (SIL Open Font License), the open member of the TH Sarabun family, as TrueType files. */
export const SARABUN = {
  regular: join(sarabun, '400Regular', 'Sarabun_400Regular.ttf'),
  bold: join(sarabun, '700Bold', 'Sarabun_700Bold.ttf'),
  italic: join(sarabun, '400Regular_Italic', 'Sarabun_400Regular_Italic.ttf'),
  boldItalic: join(sarabun, '700Bold_Italic', 'Sarabun_700Bold_Italic.ttf'),
};

/** The font Thai government documents name; Word and LibreOffice substitute a metric twin where it is missing. */
export const DOCX_FONT = 'TH Sarabun New';

/**
 * Fonts for what Sarabun lacks (emoji and symbols in photo captions and narratives), all SIL
 * OFL, tried in order; a character none of them has is replaced visibly, never drawn as a box.
 */
export const FALLBACK_FONTS = {
  NotoEmoji: {
    normal: join(folder('noto-emoji'), '400Regular', 'NotoEmoji_400Regular.ttf'),
    bold: join(folder('noto-emoji'), '700Bold', 'NotoEmoji_700Bold.ttf'),
  },
  NotoSansSymbols: {
    normal: join(folder('noto-sans-symbols'), '400Regular', 'NotoSansSymbols_400Regular.ttf'),
    bold: join(folder('noto-sans-symbols'), '700Bold', 'NotoSansSymbols_700Bold.ttf'),
  },
  NotoSansSymbols2: {
    normal: join(folder('noto-sans-symbols-2'), '400Regular', 'NotoSansSymbols2_400Regular.ttf'),
    bold: join(folder('noto-sans-symbols-2'), '400Regular', 'NotoSansSymbols2_400Regular.ttf'),
  },
};
