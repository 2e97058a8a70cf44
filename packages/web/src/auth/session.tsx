import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { ApiError, http, ok, setCsrfToken, type Me } from '../api/client';

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await ok(http.GET('/api/me'));
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
  });
  // Another account's data must not survive a sign-in or sign-out; the session query itself stays observed.
  const forgetOtherQueries = () => client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  const value: SessionValue = {
    me: query.data ?? null,
    loading: query.isLoading,
    async signIn(email, password) {
      const me = await ok(http.POST('/api/auth/login', { body: { email, password } }));
      setCsrfToken(me.csrfToken);
      forgetOtherQueries();
      client.setQueryData(['me'], me);
    },
    async signOut() {
      await ok(http.POST('/api/auth/logout')).catch(() => undefined);
      setCsrfToken('');
      forgetOtherQueries();
      client.setQueryData(['me'], null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the login gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('not signed in');
  return me;
}
