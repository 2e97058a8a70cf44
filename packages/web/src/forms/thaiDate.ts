export { parseTypedThaiDate as parseThaiDate } from '@prongsai/core/thai';
