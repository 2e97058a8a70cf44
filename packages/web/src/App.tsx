import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuditPage } from './admin/AuditPage';
import { UsersPage } from './admin/UsersPage';
import { OverviewPage } from './agency/OverviewPage';
import { CityPage } from './city/CityPage';
import { DocumentsPage } from './documents/DocumentsPage';
import { MeasuresPage } from './measures/MeasuresPage';
import { ProgressPage } from './progress/ProgressPage';
import { ResultsPage } from './results/ResultsPage';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/session';
import { ComingSoon } from './features/ComingSoon';
import { AppLayout } from './layout/AppLayout';

function Home() {
  const { me } = useSession();
  // Central users start at Bang Khae, the first demo district, until they pick another.
  return <Navigate to={`/a/${me?.agency?.slug ?? 'bang-khae'}`} replace />;
}

export function App() {
  const { me, loading } = useSession();
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me) return <LoginPage />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Home />} />
        <Route path="a/:agency">
          <Route index element={<OverviewPage />} />
          <Route path="results" element={<ResultsPage />} />
          <Route path="measures" element={<MeasuresPage />} />
          <Route path="progress" element={<ProgressPage />} />
          <Route path="documents" element={<DocumentsPage />} />
          <Route path="disclosure" element={<ComingSoon feature="disclosure" />} />
        </Route>
        <Route path="city" element={<CityPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
