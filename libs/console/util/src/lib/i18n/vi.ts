/**
 * Vietnamese, the reference dictionary: its shape defines every translation key, and the other
 * languages are type-checked against it (see `Dictionary`). Placeholders are `{name}`.
 */
import { viApplication } from './sections/application.vi';
import { viAudit } from './sections/audit.vi';
import { viClosing } from './sections/closing.vi';
import { viJudging } from './sections/judging.vi';
import { viOrganize } from './sections/organize.vi';
import { viResults } from './sections/results.vi';
import { viPitch } from './sections/pitch.vi';
import { viSubmit } from './sections/submit.vi';

export const vi = {
  app: {
    name: 'Laurel',
    tagline: 'Nền tảng chấm thi khởi nghiệp đổi mới sáng tạo',
    pageTitle: '{page} · Laurel',
  },
  common: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    dismiss: 'Đóng thông báo',
    comingSoon: 'Sắp ra mắt',
    backToDashboard: 'Về bảng điều khiển',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  roles: {
    admin: 'Quản trị viên',
    organizer: 'Ban tổ chức',
    judge: 'Giám khảo',
    applicant: 'Thí sinh / Đội khởi nghiệp',
  },
  nav: {
    main: 'Điều hướng chính',
    openMenu: 'Mở menu điều hướng',
    home: 'Laurel, về trang đầu',
    signIn: 'Đăng nhập',
    signUp: 'Đăng ký',
    signOut: 'Đăng xuất',
    account: 'Tài khoản của bạn',
    general: 'Chung',
  },
  areas: {
    dashboard: { title: 'Bảng điều khiển', description: 'Tổng quan công việc của bạn.' },
    contests: { title: 'Cuộc thi', description: 'Các cuộc thi, thời gian nhận hồ sơ và trạng thái.' },
    myEntries: { title: 'Hồ sơ dự thi của tôi', description: 'Tạo, lưu nháp, nộp và theo dõi hồ sơ của đội.' },
    judging: { title: 'Chấm điểm', description: 'Các hồ sơ được phân công cho bạn trong từng vòng thi.' },
    contestEditor: {
      title: 'Quản lý cuộc thi',
      description: 'Tạo cuộc thi, hạng mục, vòng thi, tiêu chí chấm, giải thưởng và mời giám khảo.',
    },
    entries: { title: 'Hồ sơ & điều kiện', description: 'Xem hồ sơ đã nộp, xét điều kiện và phân công giám khảo.' },
    results: { title: 'Kết quả & xếp hạng', description: 'Bảng xếp hạng từng vòng, độ tin cậy của hội đồng chấm.' },
    awards: { title: 'Giải thưởng', description: 'Xác nhận giải, công bố kết quả và xuất báo cáo.' },
    audit: { title: 'Nhật ký kiểm toán', description: 'Lịch sử mọi thao tác, kiểm chứng được bằng chuỗi băm.' },
    users: { title: 'Quản lý người dùng', description: 'Quản lý tài khoản ban tổ chức và người dùng.' },
    settings: { title: 'Cài đặt nền tảng', description: 'Thiết lập chung cho toàn bộ Laurel.' },
  },
  auth: {
    signIn: {
      title: 'Đăng nhập',
      subtitle: 'Chào mừng bạn quay lại Laurel.',
      submit: 'Đăng nhập',
      pending: 'Đang đăng nhập…',
      noAccount: 'Đội khởi nghiệp chưa có tài khoản?',
      toSignUp: 'Đăng ký',
      required: 'Vui lòng đăng nhập để tiếp tục.',
      expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    },
    signUp: {
      title: 'Đăng ký',
      subtitle: 'Tạo tài khoản cho đội khởi nghiệp để nộp hồ sơ dự thi.',
      submit: 'Tạo tài khoản',
      pending: 'Đang tạo tài khoản…',
      haveAccount: 'Đã có tài khoản?',
      toSignIn: 'Đăng nhập',
      invitedNote: 'Giám khảo và ban tổ chức nhận tài khoản qua lời mời, không cần đăng ký tại đây.',
    },
    fields: {
      email: 'E-mail',
      password: 'Mật khẩu',
      displayName: 'Tên đội hoặc người đại diện',
      displayNameHint: 'Ban tổ chức sẽ thấy tên này.',
      passwordHint: 'Từ {min} đến {max} ký tự.',
      showPassword: 'Hiện mật khẩu',
      hidePassword: 'Ẩn mật khẩu',
    },
    validation: {
      emailRequired: 'Hãy nhập e-mail.',
      emailInvalid: 'E-mail chưa đúng định dạng, ví dụ: ten@congty.vn.',
      emailTooLong: 'E-mail tối đa {max} ký tự.',
      passwordRequired: 'Hãy nhập mật khẩu.',
      passwordTooShort: 'Mật khẩu cần ít nhất {min} ký tự.',
      passwordTooLong: 'Mật khẩu tối đa {max} ký tự.',
      passwordBlank: 'Mật khẩu không được chỉ gồm khoảng trắng.',
      passwordIsEmail: 'Mật khẩu không được trùng với e-mail.',
      displayNameRequired: 'Hãy nhập tên đội hoặc người đại diện.',
      displayNameTooLong: 'Tên tối đa {max} ký tự.',
    },
  },
  errors: {
    network: 'Không kết nối được với máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    throttled: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.',
    signInBusy: 'Đang có rất nhiều người đăng nhập cùng lúc. Tài khoản của bạn không có vấn đề gì: hãy đợi vài giây rồi thử lại.',
    invalidCredentials: 'E-mail hoặc mật khẩu không đúng. Kiểm tra lại cả hai rồi thử lại.',
    emailTaken: 'E-mail này đã có tài khoản. Hãy đăng nhập, hoặc dùng một e-mail khác.',
    weakPassword: 'Mật khẩu chưa hợp lệ: cần từ {min} đến {max} ký tự, không chỉ gồm khoảng trắng và không trùng với e-mail.',
    validation: 'Thông tin chưa hợp lệ ở: {fields}. Vui lòng kiểm tra lại.',
    sessionExpired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    unauthenticated: 'Vui lòng đăng nhập để tiếp tục.',
    accountGone: 'Tài khoản này không còn tồn tại. Vui lòng đăng nhập lại.',
    forbidden: 'Tài khoản của bạn không được phép làm việc này.',
    notFound: 'Không tìm thấy nội dung bạn cần. Kiểm tra lại đường dẫn.',
    contestNotFound: 'Không có cuộc thi nào ở địa chỉ này. Kiểm tra lại đường dẫn.',
    server: 'Máy chủ đang gặp sự cố. Hãy thử lại; nếu vẫn lỗi, vui lòng báo cho ban tổ chức.',
    unexpected: 'Đã xảy ra lỗi ngoài dự kiến. Hãy thử lại sau ít phút.',
    roleRequired: '“{area}” dành cho {roles}. Tài khoản của bạn chưa có vai trò này; hãy đăng nhập bằng tài khoản phù hợp.',
  },
  dashboard: {
    heading: 'Xin chào, {name}',
    intro: 'Đây là những việc bạn có thể làm trên Laurel.',
    yourRoles: 'Vai trò của bạn: {roles}',
    roleIntro: {
      admin: 'Quản lý ban tổ chức, thiết lập nền tảng và kiểm tra nhật ký.',
      organizer: 'Điều hành cuộc thi từ lúc nhận hồ sơ đến khi công bố kết quả.',
      judge: 'Chấm các hồ sơ được phân công theo tiêu chí của từng vòng thi.',
      applicant: 'Nộp hồ sơ dự thi, theo dõi trạng thái và xem kết quả.',
    },
  },
  comingSoon: {
    body: 'Phần này đang được xây dựng và sẽ có trong các bản cập nhật tới.',
  },
  contests: {
    title: 'Cuộc thi',
    subtitle: 'Các cuộc thi khởi nghiệp đổi mới sáng tạo trên Laurel.',
    listLabel: 'Danh sách cuộc thi',
    empty: 'Chưa có cuộc thi nào được công bố.',
    emptyHint: 'Hãy quay lại sau, các cuộc thi mới sẽ xuất hiện tại đây.',
    year: 'Năm {year}',
    window: 'Thời gian nhận hồ sơ',
    opens: 'Mở',
    closes: 'Đóng',
    timeZone: 'Thời gian hiển thị theo múi giờ của bạn ({zone}).',
    opensIn: 'Mở nhận hồ sơ {relative}',
    closesIn: 'Hạn chót {relative}',
    windowOver: 'Đã hết hạn nộp hồ sơ.',
    categories: 'Hạng mục',
    rounds: 'Vòng thi',
    status: {
      draft: 'Bản nháp',
      open: 'Đang nhận hồ sơ',
      closed: 'Đã đóng nhận hồ sơ',
      judging: 'Đang chấm',
      published: 'Đã công bố kết quả',
    },
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Đường dẫn này không tồn tại hoặc đã được chuyển đi.',
    action: 'Xem các cuộc thi',
  },
  // Each area keeps its strings in a section file of its own (sections/<area>.vi.ts).
  organize: viOrganize,
  submit: viSubmit,
  application: viApplication,
  judging: viJudging,
  results: viResults,
  pitch: viPitch,
  audit: viAudit,
  closing: viClosing,
};
