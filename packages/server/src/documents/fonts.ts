import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const sarabun = dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));

/** Sarabun (SIL Open Font License), the open member of the TH Sarabun family, as TrueType files. */
export const SARABUN = {
  regular: join(sarabun, '400Regular', 'Sarabun_400Regular.ttf'),
  bold: join(sarabun, '700Bold', 'Sarabun_700Bold.ttf'),
  italic: join(sarabun, '400Regular_Italic', 'Sarabun_400Regular_Italic.ttf'),
  boldItalic: join(sarabun, '700Bold_Italic', 'Sarabun_700Bold_Italic.ttf'),
};

/** The font Thai government documents name; Word and LibreOffice substitute a metric twin where it is missing. */
export const DOCX_FONT = 'TH Sarabun New';
