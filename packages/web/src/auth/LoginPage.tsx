import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ApiError, http, ok } from '../api/client';
import { LanguageToggle } from '../layout/LanguageToggle';
import { useSession } from './session';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A demo server lists its accounts; a real one answers 404 and the page says whom to ask.
  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => ok(http.GET('/api/demo')),
    retry: false,
    staleTime: Infinity,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (e) {
      setError(e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={1} c="teal.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </div>
          <Title order={2} size="h3">
            {t('login.title')}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} color="teal">
            {t('login.submit')}
          </Button>
          {demo.data ? (
            <Stack gap={4} data-testid="demo-accounts">
              <Text size="xs" fw={600}>
                {t('login.demoAccounts', { password: demo.data.password })}
              </Text>
              {demo.data.accounts.map((account) => (
                <Button
                  key={account.email}
                  variant="subtle"
                  size="compact-xs"
                  justify="flex-start"
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(demo.data.password);
                  }}
                >
                  {`${t(`roles.${account.role}`)} · ${account.email}`}
                </Button>
              ))}
            </Stack>
          ) : (
            <Text size="xs" c="dimmed">
              {t('login.accountHint')}
            </Text>
          )}
          <LanguageToggle />
        </Stack>
      </Paper>
    </Center>
  );
}
