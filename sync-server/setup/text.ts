import type { Picture } from './pictures';
import type { Platform, SetupLang } from './platform';

export interface Step {
  text: string;
  picture?: Picture;
  download?: 'crt' | 'mobileconfig';
}

export interface SetupText {
  title: string;
  lead: string;
  checking: string;
  trusted: string;
  notTrusted: string;
  open: string;
  detected: string;
  platform: Record<Platform, string>;
  steps: Record<Platform, Step[]>;
  downloadCrt: string;
  downloadProfile: string;
  fingerprint: string;
  fingerprintHint: string;
  caName: string;
  validUntil: string;
  addressNote: string;
  picture: string;
  noScript: string;
}

const zhCN: SetupText = {
  title: '把这台设备连接到邻里',
  lead: '平板要离线使用邻里、把它安装到主屏幕，需要先信任本管理处自己的证书。每台设备只需做一次，约 3 分钟。',
  checking: '正在检查这台设备是否已信任本管理处的证书…',
  trusted: '已信任本管理处的证书，可以打开邻里了。',
  notTrusted: '这台设备还没有信任本管理处的证书：请按下面的步骤安装。装好后本页会自动检测。',
  open: '打开邻里',
  detected: '按设备选择步骤',
  platform: { android: '安卓平板 / 手机（Chrome）', ios: 'iPad / iPhone（Safari）', windows: 'Windows 电脑（Chrome / Edge）', other: '其他设备' },
  steps: {
    android: [
      { text: '点下面的按钮下载证书 linli-ca.crt（若提示“可能有害”，选择“仍然下载”）。', download: 'crt' },
      { text: '打开“设置”，在顶部搜索“CA 证书”；或依次进入 安全 → 更多安全设置 → 加密与凭据 → 安装证书 → CA 证书。', picture: { frame: 'phone', title: '加密与凭据', rows: ['受信任的凭据', '用户凭据', '安装证书', '清除凭据'], highlight: 2 } },
      { text: '选“CA 证书”，点“仍然安装”，验证锁屏密码，再选刚下载的 linli-ca.crt。没有锁屏密码的设备要先设置一个。', picture: { frame: 'phone', title: '安装证书', rows: ['CA 证书', 'VPN 和应用用户证书', 'WLAN 证书'], highlight: 0 } },
      { text: '回到 Chrome 的本页：显示“已信任”后点“打开邻里”，再在 Chrome 菜单中选“安装应用”或“添加到主屏幕”。', picture: { frame: 'phone', title: 'Chrome 菜单', rows: ['新标签页', '书签', '添加到主屏幕', '设置'], highlight: 2 } },
    ],
    ios: [
      { text: '用 Safari 打开本页，点下面的按钮下载描述文件，在弹出的提示中点“允许”。', download: 'mobileconfig' },
      { text: '打开“设置”，点顶部的“已下载描述文件”（或 通用 → VPN 与设备管理），点“安装”，输入密码，再点两次“安装”。', picture: { frame: 'phone', title: '设置', rows: ['已下载描述文件', '飞行模式', '无线局域网', '通用'], highlight: 0 } },
      { text: '最容易忘的一步：设置 → 通用 → 关于本机 → 拉到最下面“证书信任设置”，打开本管理处证书的开关，点“继续”。', picture: { frame: 'phone', title: '证书信任设置', rows: ['针对根证书启用完全信任', 'Linli CA'], highlight: 1, toggle: true } },
      { text: '回到 Safari 的本页：显示“已信任”后点“打开邻里”，再点分享按钮 →“添加到主屏幕”。', picture: { frame: 'phone', title: '分享', rows: ['拷贝', '添加到阅读列表', '添加到主屏幕'], highlight: 2 } },
    ],
    windows: [
      { text: '点下面的按钮下载证书，下载完成后打开 linli-ca.crt。', download: 'crt' },
      { text: '点“安装证书”，选“当前用户”，点“下一步”。', picture: { frame: 'window', title: '证书', rows: ['常规', '颁发给：Linli CA', '安装证书(I)…'], highlight: 2 } },
      { text: '选“将所有的证书都放入下列存储”→“浏览”→“受信任的根证书颁发机构”→“确定”→“下一步”→“完成”，安全警告中点“是”。（也可在命令提示符中运行：certutil -user -addstore Root linli-ca.crt）', picture: { frame: 'window', title: '选择证书存储', rows: ['个人', '受信任的根证书颁发机构', '企业信任', '中间证书颁发机构'], highlight: 1 } },
      { text: '完全关闭浏览器再打开，回到本页：显示“已信任”后点“打开邻里”，再点地址栏右侧的“安装”图标。' },
    ],
    other: [
      { text: '下载证书 linli-ca.crt。', download: 'crt' },
      { text: '在系统或浏览器的证书设置中，把它导入为“受信任的根证书颁发机构”。Linux 上的 Chromium：certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n linli -i linli-ca.crt' },
      { text: '重新打开浏览器，回到本页：显示“已信任”后点“打开邻里”。' },
    ],
  },
  downloadCrt: '下载证书（.crt）',
  downloadProfile: '下载描述文件（iPad / iPhone）',
  fingerprint: '证书指纹（SHA-256）',
  fingerprintHint: '安装时若显示指纹，应与下面完全一致；不一致请不要安装，并告诉管理处经理。',
  caName: '证书名称',
  validUntil: '有效期至',
  addressNote: '本页地址就是这台电脑在局域网中的地址。请在路由器中为这台电脑保留固定地址：地址一变，平板就要重新打开新地址。',
  picture: '示意图：{title}，点“{row}”',
  noScript: '本页需要 JavaScript 才能自动检测；也可以直接打开：',
};

const zhTW: SetupText = {
  title: '把這台裝置連接到鄰里',
  lead: '平板要離線使用鄰里、把它安裝到主畫面，需要先信任本管理處自己的憑證。每台裝置只需做一次，約 3 分鐘。',
  checking: '正在檢查這台裝置是否已信任本管理處的憑證…',
  trusted: '已信任本管理處的憑證，可以開啟鄰里了。',
  notTrusted: '這台裝置還沒有信任本管理處的憑證：請按下面的步驟安裝。裝好後本頁會自動檢測。',
  open: '開啟鄰里',
  detected: '依裝置選擇步驟',
  platform: { android: 'Android 平板 / 手機（Chrome）', ios: 'iPad / iPhone（Safari）', windows: 'Windows 電腦（Chrome / Edge）', other: '其他裝置' },
  steps: {
    android: [
      { text: '點下面的按鈕下載憑證 linli-ca.crt（若提示「可能有害」，選擇「仍要下載」）。', download: 'crt' },
      { text: '開啟「設定」，在頂部搜尋「CA 憑證」；或依序進入 安全性 → 更多安全性設定 → 加密和憑證 → 安裝憑證 → CA 憑證。', picture: { frame: 'phone', title: '加密和憑證', rows: ['信任的憑證', '使用者憑證', '安裝憑證', '清除憑證'], highlight: 2 } },
      { text: '選「CA 憑證」，點「仍要安裝」，驗證螢幕鎖定密碼，再選剛下載的 linli-ca.crt。沒有螢幕鎖定的裝置要先設定一個。', picture: { frame: 'phone', title: '安裝憑證', rows: ['CA 憑證', 'VPN 和應用程式使用者憑證', 'Wi-Fi 憑證'], highlight: 0 } },
      { text: '回到 Chrome 的本頁：顯示「已信任」後點「開啟鄰里」，再在 Chrome 選單中選「安裝應用程式」或「加到主畫面」。', picture: { frame: 'phone', title: 'Chrome 選單', rows: ['新分頁', '書籤', '加到主畫面', '設定'], highlight: 2 } },
    ],
    ios: [
      { text: '用 Safari 開啟本頁，點下面的按鈕下載描述檔，在提示中點「允許」。', download: 'mobileconfig' },
      { text: '開啟「設定」，點頂部的「已下載描述檔」（或 一般 → VPN 與裝置管理），點「安裝」，輸入密碼，再點兩次「安裝」。', picture: { frame: 'phone', title: '設定', rows: ['已下載描述檔', '飛航模式', 'Wi-Fi', '一般'], highlight: 0 } },
      { text: '最容易忘的一步：設定 → 一般 → 關於本機 → 拉到最下面「憑證信任設定」，開啟本管理處憑證的開關，點「繼續」。', picture: { frame: 'phone', title: '憑證信任設定', rows: ['針對根憑證啟用完全信任', 'Linli CA'], highlight: 1, toggle: true } },
      { text: '回到 Safari 的本頁：顯示「已信任」後點「開啟鄰里」，再點分享按鈕 →「加入主畫面」。', picture: { frame: 'phone', title: '分享', rows: ['拷貝', '加入閱讀列表', '加入主畫面'], highlight: 2 } },
    ],
    windows: [
      { text: '點下面的按鈕下載憑證，下載完成後開啟 linli-ca.crt。', download: 'crt' },
      { text: '點「安裝憑證」，選「目前使用者」，點「下一步」。', picture: { frame: 'window', title: '憑證', rows: ['一般', '發給：Linli CA', '安裝憑證(I)…'], highlight: 2 } },
      { text: '選「將所有憑證放入以下的存放區」→「瀏覽」→「受信任的根憑證授權單位」→「確定」→「下一步」→「完成」，安全性警告中點「是」。（也可在命令提示字元中執行：certutil -user -addstore Root linli-ca.crt）', picture: { frame: 'window', title: '選取憑證存放區', rows: ['個人', '受信任的根憑證授權單位', '企業信任', '中繼憑證授權單位'], highlight: 1 } },
      { text: '完全關閉瀏覽器再開啟，回到本頁：顯示「已信任」後點「開啟鄰里」，再點網址列右側的「安裝」圖示。' },
    ],
    other: [
      { text: '下載憑證 linli-ca.crt。', download: 'crt' },
      { text: '在系統或瀏覽器的憑證設定中，把它匯入為「受信任的根憑證授權單位」。Linux 上的 Chromium：certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n linli -i linli-ca.crt' },
      { text: '重新開啟瀏覽器，回到本頁：顯示「已信任」後點「開啟鄰里」。' },
    ],
  },
  downloadCrt: '下載憑證（.crt）',
  downloadProfile: '下載描述檔（iPad / iPhone）',
  fingerprint: '憑證指紋（SHA-256）',
  fingerprintHint: '安裝時若顯示指紋，應與下面完全一致；不一致請不要安裝，並告訴管理處經理。',
  caName: '憑證名稱',
  validUntil: '有效期至',
  addressNote: '本頁位址就是這台電腦在區域網路中的位址。請在路由器中為這台電腦保留固定位址：位址一變，平板就要重新開啟新位址。',
  picture: '示意圖：{title}，點「{row}」',
  noScript: '本頁需要 JavaScript 才能自動檢測；也可以直接開啟：',
};

const en: SetupText = {
  title: 'Connect this device to Linli',
  lead: 'To use Linli offline and install it on the home screen, this device must trust the office\'s own certificate first. Once per device, about 3 minutes.',
  checking: 'Checking whether this device trusts the office certificate…',
  trusted: 'This device trusts the office certificate: Linli is ready to open.',
  notTrusted: 'This device does not trust the office certificate yet: follow the steps below. This page checks again by itself.',
  open: 'Open Linli',
  detected: 'Steps for your device',
  platform: { android: 'Android tablet / phone (Chrome)', ios: 'iPad / iPhone (Safari)', windows: 'Windows PC (Chrome / Edge)', other: 'Other devices' },
  steps: {
    android: [
      { text: 'Download the certificate linli-ca.crt with the button below (if warned, choose "Download anyway").', download: 'crt' },
      { text: 'Open Settings and search for "CA certificate", or go to Security → More security settings → Encryption & credentials → Install a certificate.', picture: { frame: 'phone', title: 'Encryption & credentials', rows: ['Trusted credentials', 'User credentials', 'Install a certificate', 'Clear credentials'], highlight: 2 } },
      { text: 'Choose "CA certificate", tap "Install anyway", confirm your screen lock and pick linli-ca.crt. A device without a screen lock needs one first.', picture: { frame: 'phone', title: 'Install a certificate', rows: ['CA certificate', 'VPN & app user certificate', 'Wi-Fi certificate'], highlight: 0 } },
      { text: 'Back on this page in Chrome: once it says trusted, tap "Open Linli", then Chrome\'s menu → "Install app" or "Add to Home screen".', picture: { frame: 'phone', title: 'Chrome menu', rows: ['New tab', 'Bookmarks', 'Add to Home screen', 'Settings'], highlight: 2 } },
    ],
    ios: [
      { text: 'Open this page in Safari, download the profile with the button below and tap "Allow".', download: 'mobileconfig' },
      { text: 'Open Settings, tap "Profile Downloaded" at the top (or General → VPN & Device Management), tap Install, enter your passcode, tap Install twice more.', picture: { frame: 'phone', title: 'Settings', rows: ['Profile Downloaded', 'Airplane Mode', 'Wi-Fi', 'General'], highlight: 0 } },
      { text: 'The step people forget: Settings → General → About → Certificate Trust Settings (at the bottom), turn on the office certificate, tap Continue.', picture: { frame: 'phone', title: 'Certificate Trust Settings', rows: ['Enable full trust for root certificates', 'Linli CA'], highlight: 1, toggle: true } },
      { text: 'Back on this page in Safari: once it says trusted, tap "Open Linli", then Share → "Add to Home Screen".', picture: { frame: 'phone', title: 'Share', rows: ['Copy', 'Add to Reading List', 'Add to Home Screen'], highlight: 2 } },
    ],
    windows: [
      { text: 'Download the certificate with the button below and open linli-ca.crt.', download: 'crt' },
      { text: 'Click "Install Certificate…", choose "Current User", Next.', picture: { frame: 'window', title: 'Certificate', rows: ['General', 'Issued to: Linli CA', 'Install Certificate…'], highlight: 2 } },
      { text: '"Place all certificates in the following store" → Browse → "Trusted Root Certification Authorities" → OK → Next → Finish, and Yes to the security warning. (Or in a command prompt: certutil -user -addstore Root linli-ca.crt)', picture: { frame: 'window', title: 'Select Certificate Store', rows: ['Personal', 'Trusted Root Certification Authorities', 'Enterprise Trust', 'Intermediate Certification Authorities'], highlight: 1 } },
      { text: 'Close the browser completely, open it again and come back here: once it says trusted, click "Open Linli", then the install icon in the address bar.' },
    ],
    other: [
      { text: 'Download the certificate linli-ca.crt.', download: 'crt' },
      { text: 'Import it as a trusted root certification authority in the system\'s or the browser\'s certificate settings. Chromium on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n linli -i linli-ca.crt' },
      { text: 'Reopen the browser and come back here: once it says trusted, open Linli.' },
    ],
  },
  downloadCrt: 'Download the certificate (.crt)',
  downloadProfile: 'Download the profile (iPad / iPhone)',
  fingerprint: 'Certificate fingerprint (SHA-256)',
  fingerprintHint: 'If the device shows a fingerprint while installing, it must match this one exactly; if not, do not install it and tell the office manager.',
  caName: 'Certificate name',
  validUntil: 'valid until',
  addressNote: 'This page\'s address is this PC\'s address on the office network. Reserve it in the router: if it changes, every tablet has to open the new address.',
  picture: 'Picture: {title}, tap "{row}"',
  noScript: 'This page needs JavaScript to check by itself; you can also open directly:',
};

export const SETUP_TEXT: Record<SetupLang, SetupText> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
