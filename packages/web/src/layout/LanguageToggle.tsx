import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Lang } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('header.language')}
      size="xs"
      value={i18n.language}
      onChange={(value) => setLanguage(value as Lang)}
      data={[
        { value: 'th', label: 'ไทย' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
