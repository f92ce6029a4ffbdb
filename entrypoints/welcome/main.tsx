import { mountExtensionPage } from '../../components/common/mount-page';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import '../../components/common/base.css';
import '../../components/welcome/welcome.css';

mountExtensionPage(WelcomeApp, { liveCases: false, title: 'pageTitle.welcome' });
