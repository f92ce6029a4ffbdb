import { mountExtensionPage } from '../../components/common/mount-page';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/common/base.css';
import '../../components/popup/popup.css';

mountExtensionPage(PopupApp, { liveCases: true, title: 'pageTitle.popup' });
