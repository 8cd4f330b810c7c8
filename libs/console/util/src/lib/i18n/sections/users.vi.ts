/** The administrator's users page (/admin/users). */
export const viUsers = {
  page: {
    title: 'Người dùng & ban tổ chức',
    subtitle:
      'Tìm tài khoản, cấp hoặc thu hồi vai trò ban tổ chức và quản trị, khoá tài khoản. Mọi thay đổi có hiệu lực ngay và được ghi vào nhật ký.',
    search: 'Tìm theo tên hoặc e-mail',
    role: 'Vai trò',
    allRoles: 'Mọi vai trò',
    invite: 'Mời ban tổ chức',
    empty: 'Không có tài khoản nào khớp.',
    emptyHint: 'Thử tìm bằng một phần tên hoặc địa chỉ e-mail.',
    count: '{total} tài khoản',
    page: 'Trang {page}/{pages}',
    previous: 'Trang trước',
    next: 'Trang sau',
    you: 'Bạn',
  },
  columns: {
    person: 'Người dùng',
    roles: 'Vai trò',
    organizer: 'Ban tổ chức',
    admin: 'Quản trị',
    status: 'Trạng thái',
    actions: 'Thao tác',
  },
  status: {
    active: 'Đang hoạt động',
    disabled: 'Đã khoá',
    unverified: 'Chưa xác nhận e-mail',
  },
  actions: {
    disable: 'Khoá',
    enable: 'Mở khoá',
    cancel: 'Huỷ',
  },
  confirm: {
    grantTitle: 'Cấp vai trò {role}?',
    grantBody: '{name} ({email}) sẽ có vai trò {role}. Các phiên đăng nhập hiện tại của họ kết thúc; họ đăng nhập lại để dùng vai trò mới.',
    revokeTitle: 'Thu hồi vai trò {role}?',
    revokeBody: '{name} ({email}) sẽ mất vai trò {role} ngay lập tức: các phiên đăng nhập của họ kết thúc trong vòng một giây.',
    grant: 'Cấp vai trò',
    revoke: 'Thu hồi',
    disableTitle: 'Khoá tài khoản?',
    disableBody:
      '{name} ({email}) sẽ không đăng nhập được nữa, và mọi phiên đang mở kết thúc trong vòng một giây. Bạn có thể mở khoá lại sau.',
    enableTitle: 'Mở khoá tài khoản?',
    enableBody: '{name} ({email}) sẽ đăng nhập lại được với mật khẩu hiện có.',
  },
  done: {
    granted: '{name} đã có vai trò {role}.',
    revoked: '{name} không còn vai trò {role}.',
    disabled: 'Đã khoá tài khoản {name}.',
    enabled: 'Đã mở khoá tài khoản {name}.',
  },
  errors: {
    lastAdmin:
      'Đây là quản trị viên cuối cùng còn hoạt động: hệ thống sẽ không còn ai quản trị. Hãy mời hoặc chỉ định một quản trị viên khác trước.',
    disableSelf: 'Bạn không thể tự khoá tài khoản của mình. Hãy nhờ một quản trị viên khác.',
    notGrantable:
      'Ở đây chỉ cấp vai trò ban tổ chức và quản trị; vai trò giám khảo đến từ lời mời của cuộc thi, vai trò đội dự thi đến từ việc đăng ký.',
    hasRole: '{email} đã có vai trò đó.',
    noRole: 'Tài khoản phải giữ ít nhất một vai trò. Hãy khoá tài khoản thay vì thu hồi vai trò cuối cùng.',
  },
  inviteDialog: {
    title: 'Mời bằng e-mail',
    intro:
      'Lời mời chỉ được gửi qua e-mail: người nhận mở đường dẫn để nhận vai trò (và đặt mật khẩu nếu chưa có tài khoản). Đường dẫn dùng được 14 ngày.',
    email: 'E-mail',
    name: 'Tên người được mời',
    role: 'Vai trò',
    organizer: 'Ban tổ chức: tạo và điều hành cuộc thi',
    admin: 'Quản trị: quản lý người dùng và hệ thống',
    send: 'Gửi lời mời',
    close: 'Đóng',
    sent: 'Lời mời đang được gửi tới {email}.',
    emailInvalid: 'Hãy nhập một địa chỉ e-mail, ví dụ: ten@congty.vn.',
    nameRequired: 'Hãy nhập tên người được mời.',
  },
};
