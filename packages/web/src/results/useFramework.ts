import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { FrameworkInfo } from '../api/results';

/** A framework as the API describes it: tools, indicators and their questions or OIT items. */
export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: () => api<FrameworkInfo>('GET', `/api/frameworks/${id}`),
    enabled: !!id,
    staleTime: Infinity,
  });
}
