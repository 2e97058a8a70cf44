import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/session';
import { AppLayout, rememberedAgency } from './layout/AppLayout';

// Each page is its own chunk, loaded when first opened: the first load stays small, and ECharts
// comes only with the pages that draw charts.
const page = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const OverviewPage = page(() => import('./agency/OverviewPage'), 'OverviewPage');
const ResultsPage = page(() => import('./results/ResultsPage'), 'ResultsPage');
const MeasuresPage = page(() => import('./measures/MeasuresPage'), 'MeasuresPage');
const ProgressPage = page(() => import('./progress/ProgressPage'), 'ProgressPage');
const DocumentsPage = page(() => import('./documents/DocumentsPage'), 'DocumentsPage');
const OitPage = page(() => import('./oit/OitPage'), 'OitPage');
const SurveysPage = page(() => import('./surveys/SurveysPage'), 'SurveysPage');
const CityPage = page(() => import('./city/CityPage'), 'CityPage');
const UsersPage = page(() => import('./admin/UsersPage'), 'UsersPage');
const FrameworksPage = page(() => import('./admin/FrameworksPage'), 'FrameworksPage');
const FrameworkEditorPage = page(() => import('./admin/FrameworkEditorPage'), 'FrameworkEditorPage');
const AuditPage = page(() => import('./admin/AuditPage'), 'AuditPage');
const AgenciesPage = page(() => import('./admin/AgenciesPage'), 'AgenciesPage');

const pageLoader = (
  <Center py="xl">
    <Loader />
  </Center>
);

function Home() {
  const { me } = useSession();
  // Oversight starts on the city-wide view; everyone else on their own agency.
  if (!me?.agency) {
    return <Navigate to={me?.abilities.readCityResults ? '/city' : `/a/${rememberedAgency() ?? 'bang-khae'}`} replace />;
  }
  return <Navigate to={`/a/${me.agency.slug}`} replace />;
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
    <Suspense fallback={pageLoader}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Home />} />
          <Route path="a/:agency">
            <Route index element={<OverviewPage />} />
            <Route path="results" element={<ResultsPage />} />
            <Route path="measures" element={<MeasuresPage />} />
            <Route path="progress" element={<ProgressPage />} />
            <Route path="documents" element={<DocumentsPage />} />
            <Route path="disclosure" element={<OitPage />} />
            <Route path="surveys" element={<SurveysPage />} />
          </Route>
          <Route path="city" element={<CityPage />} />
          <Route path="admin/users" element={<UsersPage />} />
          <Route path="admin/audit" element={<AuditPage />} />
          <Route path="admin/agencies" element={<AgenciesPage />} />
          <Route path="admin/frameworks" element={<FrameworksPage />} />
          <Route path="admin/frameworks/new" element={<FrameworkEditorPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
