import { mountExtensionPage } from '../../components/common/mount-page';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import '../../components/common/base.css';
import '../../components/dashboard/dashboard.css';

mountExtensionPage(DashboardApp, { liveCases: true, title: 'pageTitle.dashboard' });
