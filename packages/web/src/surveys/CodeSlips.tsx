import { Alert, Button, Code, Group, Modal, Select, SimpleGrid, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok } from '../api/client';
import { CountInput, parseCount } from '../forms/CountInput';
import type { Progress, Round } from './types';
import { useUnitWords } from '../agency/unit-words';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The slips of a division as an A4 page to print: each with the agency, the division, the link, its
 * QR code and one code, eight to a page, to be cut apart and handed out.
 */
export function slipsHtml(input: {
  title: string;
  agency: string;
  division: string;
  link: string;
  qr: string;
  codes: string[];
  howTo: string;
  codeLabel: string;
}): string {
  const slip = (code: string) => `<div class="slip">
  <div class="head">${escape(input.agency)} · ${escape(input.division)}</div>
  <div class="body"><img src="${escape(input.qr)}" alt="" width="92" height="92">
  <div><div>${escape(input.howTo)}</div><div class="link">${escape(input.link)}</div>
  <div>${escape(input.codeLabel)} <b class="code">${escape(code)}</b></div></div></div></div>`;
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escape(input.title)}</title>
<style>
@page { size: A4; margin: 10mm; }
body { font-family: Sarabun, 'TH Sarabun New', sans-serif; font-size: 14pt; margin: 0; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.slip { border: 1px dashed #888; padding: 4mm; height: 62mm; box-sizing: border-box; break-inside: avoid; }
.head { font-weight: bold; margin-bottom: 2mm; }
.body { display: flex; gap: 4mm; align-items: flex-start; }
.link { font-size: 11pt; word-break: break-all; }
.code { font-family: monospace; font-size: 16pt; letter-spacing: 1px; }
</style></head><body><div class="sheet">${input.codes.map(slip).join('')}</div></body></html>`;
}

/** Issues single-use codes for one division's slips, shows them once, and prints them. */
export function CodeSlips({
  round,
  progress,
  agencyName,
  onClose,
}: {
  round: Round;
  progress: Progress;
  agencyName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const units = useUnitWords();
  const [division, setDivision] = useState<string | null>(null);
  const [count, setCount] = useState('');
  const [issued, setIssued] = useState<{ division: string; codes: string[] } | null>(null);
  const make = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/surveys/{id}/codes', {
          params: { path: { id: round.id } },
          body: { divisionId: Number(division), count: parseCount(count) ?? 0 },
        }),
      ),
    onSuccess: (made) => {
      const name = progress.divisions.find((d) => String(d.divisionId) === division)?.nameTh ?? '';
      setIssued({ division: name, codes: made.codes });
    },
  });
  const wanted = parseCount(count);
  const print = () => {
    if (!issued) return;
    const win = window.open('', '_blank');
    if (!win) return;
    win.document.write(
      slipsHtml({
        title: t('surveys.codes.printTitle', { division: issued.division }),
        agency: agencyName,
        division: issued.division,
        link: `${window.location.origin}${round.link}`,
        qr: `${window.location.origin}/api/surveys/${round.id}/qr.svg`,
        codes: issued.codes,
        howTo: t('surveys.codes.howTo'),
        codeLabel: t('surveys.codes.codeLabel'),
      }),
    );
    win.document.close();
    win.focus();
    win.print();
  };
  return (
    <Modal opened onClose={onClose} title={t('surveys.codes.title')} size="lg">
      {issued ? (
        <>
          <Alert color="yellow">{t('surveys.codes.shownOnce', { count: issued.codes.length, division: issued.division })}</Alert>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm" data-testid="issued-codes">
            {issued.codes.map((code) => (
              <Code key={code} fz="sm">
                {code}
              </Code>
            ))}
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setIssued(null)}>
              {t('surveys.codes.another', units)}
            </Button>
            <Button onClick={print} data-testid="codes-print">
              {t('surveys.codes.print')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('surveys.codes.intro', units)}
          </Text>
          <Group align="flex-end" mt="sm">
            <Select
              label={t('surveys.division', units)}
              value={division}
              onChange={setDivision}
              data={progress.divisions.map((d) => ({ value: String(d.divisionId), label: d.nameTh }))}
              w={260}
            />
            <CountInput label={t('surveys.codes.count')} value={count} onChange={setCount} w={120} />
            <Button
              onClick={() => make.mutate()}
              loading={make.isPending}
              disabled={!division || wanted === null || Number.isNaN(wanted) || wanted < 1 || wanted > 2000}
              data-testid="codes-make"
            >
              {t('surveys.codes.make')}
            </Button>
          </Group>
          {make.error && (
            <Alert color="red" mt="xs">
              {make.error instanceof ApiError ? make.error.messageTh : String(make.error)}
            </Alert>
          )}
        </>
      )}
    </Modal>
  );
}
