import { Button, FileButton, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fileToBase64, http, ok } from '../api/client';

const MAX_EMBLEM_BYTES = 2 * 1024 * 1024;

/** The Garuda (ตราครุฑ) printed at the head of the agency's orders: uploaded once, replaced at will. */
export function EmblemUpload({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const present = useQuery({
    queryKey: ['emblem', slug],
    queryFn: async () => (await fetch(`/api/agencies/${slug}/emblem`, { method: 'HEAD', credentials: 'same-origin' })).ok,
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_EMBLEM_BYTES) throw new Error(t('emblem.tooLarge'));
      return ok(
        http.PUT('/api/agencies/{agency}/emblem', {
          params: { path: { agency: slug } },
          body: { contentBase64: await fileToBase64(file) },
        }),
      );
    },
    onSuccess: () => {
      setError(null);
      void client.invalidateQueries({ queryKey: ['emblem', slug] });
    },
    onError: (e) => setError(e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : (e as Error).message),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/png,image/jpeg">
        {(props) => (
          <Button {...props} size="xs" variant="subtle" loading={upload.isPending} data-testid="emblem-upload">
            {present.data ? t('emblem.replace') : t('emblem.upload')}
          </Button>
        )}
      </FileButton>
      <Text size="xs" c={error ? 'red' : 'dimmed'} data-testid="emblem-state">
        {error ?? (present.data ? t('emblem.present') : t('emblem.absent'))}
      </Text>
    </Group>
  );
}
