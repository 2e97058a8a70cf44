import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Filter tabs with their counts: side by side on a desktop, stacked on a phone, where a row of
 * five labelled tabs would run past a 390 px screen.
 */
export function FilterTabs(props: SegmentedControlProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return <SegmentedControl {...props} orientation={phone ? 'vertical' : 'horizontal'} fullWidth={phone} />;
}
