import { useQuery } from '@tanstack/react-query';
import { http, ok } from '../api/client';

/** A framework as the API describes it: tools, indicators and their questions or OIT items. */
export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: () => ok(http.GET('/api/frameworks/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: Infinity,
  });
}
