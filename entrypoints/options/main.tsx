import { mountExtensionPage } from '../../components/common/mount-page';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/common/base.css';
import '../../components/options/options.css';

mountExtensionPage(OptionsApp, { liveCases: false, title: 'pageTitle.options' });
