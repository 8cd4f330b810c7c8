export { ComingSoonPageComponent } from './lib/coming-soon/coming-soon-page.component';
export { DashboardPageComponent } from './lib/dashboard/dashboard-page.component';
