import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The navigation reaches every feature; those not built yet say so. */
export function ComingSoon({ feature }: { feature: 'disclosure' }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} mb="md">
        {t('coming.title', { feature: t(`nav.${feature}`) })}
      </Title>
      <Alert color="blue">{t('coming.body')}</Alert>
    </>
  );
}
