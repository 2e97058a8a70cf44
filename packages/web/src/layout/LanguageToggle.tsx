import { Group, SegmentedControl, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, setThaiDigits, thaiDigitsChosen, type Lang } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
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
      {i18n.language === 'th' && (
        <Switch
          size="xs"
          label="เลขไทย"
          checked={thaiDigitsChosen()}
          onChange={(event) => setThaiDigits(event.currentTarget.checked)}
          data-testid="thai-digits"
        />
      )}
    </Group>
  );
}
