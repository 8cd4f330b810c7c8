/** Vietnamese sentences of the API's refusals that no area of the console words itself (see `CODE_MESSAGES`). */
export const viRefusals = {
  admin: {
    nothingToChange: 'Chưa có gì thay đổi: hãy chọn vai trò cần cấp, hoặc khóa hay mở lại tài khoản.',
  },
  advance: {
    invalidGates:
      'Không áp dụng được các điều kiện này: số hồ sơ đi tiếp phải là số nguyên từ 0 trở lên, và điểm tối thiểu phải là một con số.',
    ruleRequired:
      'Hãy chọn cách hồ sơ đi tiếp: N hồ sơ điểm cao nhất, điểm tối thiểu, không có tiêu chí nào bị 0 điểm, hoặc kết hợp các cách này.',
  },
  assignment: {
    submittedNoRecusal:
      'Bạn đã nộp phiếu chấm này nên không thể xin rút khỏi việc chấm hồ sơ nữa. Hãy báo xung đột lợi ích cho ban tổ chức để họ ghi nhận.',
    unknownPair: 'Giám khảo hoặc hồ sơ không còn thuộc vòng này. Tải lại trang rồi chọn lại.',
  },
  attachment: {
    fileMissing: 'Tệp đính kèm này không còn trên máy chủ. Hãy báo ban tổ chức: đội dự thi có thể cần tải tệp lên lại.',
    notCleanable:
      'Không mở được tệp này để xóa tên người tạo, nên vòng chấm ẩn danh không hiển thị tệp. Hãy báo ban tổ chức: đội dự thi có thể cần tải tệp lên lại.',
    notFound: 'Hồ sơ không còn tệp này. Tải lại hồ sơ để xem các tệp hiện có.',
  },
  auth: {
    sessionEnded:
      'Phiên đăng nhập đã kết thúc: mật khẩu vừa được đổi, tài khoản đã đăng xuất khỏi mọi thiết bị, hoặc vai trò đã thay đổi. Vui lòng đăng nhập lại.',
  },
  certificate: {
    notFound: 'Hồ sơ này không có giấy chứng nhận: giấy chứng nhận chỉ có cho các hồ sơ đoạt giải, sau khi kết quả được công bố.',
  },
  conflict: {
    exists: 'Xung đột lợi ích giữa giám khảo và hồ sơ này đã được ghi nhận. Tải lại danh sách.',
    notFound: 'Xung đột lợi ích này không còn được ghi nhận. Tải lại danh sách.',
    notRemovable: 'Không xóa được xung đột do chính giám khảo khai báo (xin rút); chỉ xóa được các xung đột do ban tổ chức thêm.',
    unknownPair: 'Giám khảo không thuộc hội đồng chấm của cuộc thi, hoặc hồ sơ không thuộc cuộc thi này. Tải lại trang rồi chọn lại.',
  },
  contest: {
    formLocked:
      'Đã có hồ sơ nộp theo biểu mẫu này nên không thể xóa câu hỏi, đổi kiểu câu hỏi hay đặt yêu cầu chặt hơn. Bạn vẫn có thể sửa lời câu hỏi và hướng dẫn, đổi thứ tự, thêm lựa chọn và thêm câu hỏi không bắt buộc.',
    formRemovalUnconfirmed:
      'Xóa một câu hỏi khỏi biểu mẫu đã có hồ sơ nộp sẽ làm câu hỏi đó biến mất khỏi phần xét duyệt và khỏi màn hình của giám khảo. Hãy xác nhận việc xóa để tiếp tục.',
  },
  database: {
    unavailable: 'Tạm thời không kết nối được cơ sở dữ liệu. Chưa có gì được lưu: hãy thử lại sau vài giây.',
  },
  documents: {
    finalRoundNotClosed: 'Biên bản ghi lại bảng xếp hạng chung cuộc: hãy đóng vòng cuối trước, rồi xác nhận giải thưởng.',
  },
  entry: {
    alreadyWithdrawn: 'Hồ sơ này đã được rút. Không cần làm gì thêm.',
    categoryTaken: 'Bạn đã có hồ sơ trong hạng mục “{category}”. Hãy tiếp tục hồ sơ đó, hoặc rút hồ sơ đó trước khi tạo hồ sơ mới.',
    incomplete: 'Chưa nộp được hồ sơ: còn thiếu một số câu trả lời bắt buộc. Hãy điền đủ rồi nộp lại.',
    ineligible: 'Hồ sơ chưa đáp ứng điều kiện tham gia của cuộc thi. Hãy kiểm tra các câu trả lời được nêu rồi nộp lại.',
    notFound: 'Không tìm thấy hồ sơ này trong số hồ sơ bạn được xem. Kiểm tra lại đường dẫn, hoặc tải lại danh sách bạn vừa mở.',
    notSubmitted: 'Chỉ hồ sơ đã nộp mới được xét duyệt; hồ sơ này vẫn là bản nháp hoặc đã được rút.',
    ownerOnly: 'Chỉ đội sở hữu hồ sơ mới được làm việc này. Ban tổ chức xem được hồ sơ nhưng không sửa được.',
  },
  idempotency: {
    badKey: 'Yêu cầu mang khóa chống gửi trùng (Idempotency-Key) không hợp lệ. Tải lại trang rồi thử lại.',
    inProgress: 'Yêu cầu này vẫn đang được xử lý. Hãy đợi một lát rồi thử lại.',
    keyReused: 'Yêu cầu này đã được gửi lại với nội dung khác. Tải lại trang rồi thực hiện lại thay đổi.',
  },
  import: {
    invalidRows: 'Chưa nhập hồ sơ nào: một số dòng có lỗi (liệt kê bên dưới). Hãy sửa trong tệp Excel rồi nhập lại.',
    tooLarge:
      'Tệp Excel khi giải nén có dung lượng {sizeBytes}, vượt quá {limitBytes} mà chức năng nhập đọc được. Hãy chép các hồ sơ vào tệp mẫu (không kèm hình ảnh hay trang tính khác) rồi nhập tệp đó.',
    unreadable: 'Không đọc được tệp Excel. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi nhập lại.',
  },
  invitation: {
    notFound: 'Lời mời này không còn tồn tại. Tải lại danh sách hội đồng chấm.',
    notPending: 'Lời mời này đã được chấp nhận hoặc đã bị thu hồi: không cần gửi lại.',
    otherAccount:
      'Lời mời này dành cho {invited}, còn bạn đang đăng nhập bằng {signedIn}. Hãy đăng xuất, đăng nhập bằng {invited} rồi mở lại đường dẫn.',
    passwordRequired: 'Hãy chọn mật khẩu cho tài khoản mới của bạn.',
    retry: 'Một tài khoản vừa được tạo cho địa chỉ này cùng lúc. Hãy mở lại đường dẫn.',
    signIn: 'Đã có tài khoản dùng {email}. Hãy đăng nhập bằng {email} rồi chấp nhận lời mời.',
  },
  mail: {
    notFound: 'Thư này không còn trong hộp thư đi. Tải lại hộp thư.',
  },
  panel: {
    judgeHasSubmitted:
      'Giám khảo này đã nộp phiếu chấm trong cuộc thi nên vẫn ở lại hội đồng chấm, để các điểm đã chấm còn gắn với một giám khảo. Hãy gỡ các phân công chưa chấm của họ.',
    judgeNotFound: 'Giám khảo này không thuộc hội đồng chấm của cuộc thi. Tải lại danh sách hội đồng.',
  },
  request: {
    badUrl: 'Địa chỉ này bị hỏng: có dấu % không đi kèm một mã hợp lệ. Kiểm tra lại đường dẫn, hoặc quay lại và mở lại trang.',
    methodNotAllowed:
      'Địa chỉ này không nhận loại yêu cầu này ({method}; chỉ nhận {allowed}). Tải lại trang rồi thử lại; nếu vẫn lỗi, hãy báo ban tổ chức.',
    notJsonObject: 'Nội dung gửi đi không ở dạng Laurel đọc được ở đây: một đối tượng JSON. Tải lại trang rồi thử lại.',
    tooLarge: 'Nội dung gửi đi lớn hơn mức Laurel chấp nhận. Hãy rút gọn văn bản; tệp được gửi qua mục tải lên riêng.',
    unknownRoute: 'Không có gì ở địa chỉ này. Kiểm tra lại đường dẫn, hoặc quay lại và mở lại trang.',
    unreadableBody: 'Không đọc được nội dung gửi đi: nội dung trống, bị cắt ngắn hoặc sai định dạng. Tải lại trang rồi thử lại.',
    unsupportedMediaType: 'Nội dung gửi đi ở dạng Laurel không đọc được. Tải lại trang rồi thử lại.',
  },
  results: {
    inconsistentScores:
      'Không xếp hạng được các phiếu chấm của vòng “{round}”: điểm không khớp với tiêu chí chấm. Hãy nhờ quản trị viên kiểm tra các phiếu.',
  },
  round: {
    notFound: 'Không tìm thấy vòng thi này trong số vòng bạn được xem. Kiểm tra lại đường dẫn, hoặc tải lại cuộc thi.',
    orderBeforeStarted: 'Vòng “{round}” đã bắt đầu; không thể xếp một vòng đứng trước nó. Hãy dùng số thứ tự lớn hơn {order}.',
    rubricRequired: 'Ở bước hiện tại của cuộc thi, mỗi vòng cần ít nhất một tiêu chí chấm.',
    settingRequired: 'Vòng thi luôn phải có thiết lập này: hãy nhập giá trị, hoặc bỏ trống ô để giữ giá trị hiện tại.',
  },
  upload: {
    badForm: 'Không đọc được nội dung tải lên: hãy gửi một tệp, chỉ kèm các thông tin mà mục tải lên này yêu cầu.',
    fieldName: 'Tệp được gửi sai chỗ. Tải lại trang rồi chọn lại tệp.',
    notMultipart: 'Tệp chưa được gửi theo dạng tải lên. Tải lại trang rồi chọn lại tệp.',
    oneFile: 'Mỗi lần chỉ gửi một tệp.',
    unsupportedType:
      'Loại tệp này không được chấp nhận ở đây: hồ sơ nhận tệp PDF, PowerPoint (.pptx), PNG hoặc JPEG; nhập hồ sơ nhận tệp Excel (.xlsx). Loại tệp được xác định từ nội dung, không từ tên tệp.',
  },
  user: {
    notFound: 'Tài khoản này không còn tồn tại. Tải lại danh sách.',
  },
  vote: {
    notFound: 'Phiếu bình chọn này không còn tồn tại. Tải lại bảng kiểm phiếu.',
  },
  /** Tên các trường của cuộc thi và của vòng, theo tên trong API, khi một lần từ chối nêu chúng (`*.field_locked`). */
  fieldNames: {
    contest: {
      name: 'Tên cuộc thi',
      slug: 'Địa chỉ (slug)',
      year: 'Năm',
      description: 'Mô tả',
      submissionOpensAt: 'Ngày mở nhận hồ sơ',
      submissionClosesAt: 'Hạn nộp hồ sơ',
      minScoreForPrize: 'Điểm tối thiểu để nhận giải',
      noZeroCriterion: 'Không xét giải khi có tiêu chí bị chấm 0',
      publicVote: 'Bình chọn công khai',
      requirePitchDeck: 'Bắt buộc nộp pitch deck',
      codePrefix: 'Tiền tố mã hồ sơ',
      language: 'Ngôn ngữ của văn bản',
      timeZone: 'Múi giờ của văn bản',
      categories: 'Hạng mục',
      prizes: 'Giải thưởng',
      formFields: 'Câu hỏi của đơn đăng ký',
      eligibilityRules: 'Điều kiện tham gia',
      council: 'Hội đồng giám khảo',
      feedback: 'Nhận xét gửi các đội',
      councilMeetingAt: 'Thời gian họp hội đồng',
      councilMeetingPlace: 'Địa điểm họp hội đồng',
    },
    round: {
      name: 'Tên vòng',
      order: 'Thứ tự',
      panel: 'Hội đồng',
      judgesPerEntry: 'Số giám khảo mỗi hồ sơ',
      blind: 'Chấm ẩn danh',
      aggregation: 'Cách tổng hợp điểm',
      trim: 'Số điểm bỏ mỗi đầu (k)',
      minSheetsForNormalization: 'Số phiếu tối thiểu để chuẩn hóa',
      rankBy: 'Xếp hạng',
      priorityCriteria: 'Tiêu chí ưu tiên khi bằng điểm',
      divergenceThreshold: 'Ngưỡng chấm lại khi lệch điểm',
      maxExtraJudges: 'Số giám khảo bổ sung mỗi hồ sơ',
      criteria: 'Bộ tiêu chí',
      liveEnabled: 'Chấm trực tiếp (ngày thuyết trình)',
      scoresDueAt: 'Hạn nộp phiếu chấm',
      reminderHoursBefore: 'Nhắc trước hạn',
    },
  },
  /** Một dòng trong `fields` của một lần từ chối, hiển thị cạnh vị trí của nó (dòng và cột, hồ sơ, tiêu chí). */
  fields: {
    /** Kiểm tra dạng của một yêu cầu (400 `validation_failed`), bên cạnh các câu của `application.problems`. */
    shape: {
      decimals: 'Một số có tối đa {limit} chữ số thập phân.',
      minLength: 'Tối thiểu {limit} ký tự.',
      min: 'Tối thiểu {limit}.',
      option: 'Hãy chọn một trong các giá trị: {options}.',
      positive: 'Phải là một số lớn hơn 0.',
      wholeNumber: 'Phải là một số nguyên.',
    },
    import: {
      badEmail: '“{value}” không phải là địa chỉ e-mail (ví dụ: ten@example.vn).',
      badUrl: 'Đây không phải là địa chỉ web: địa chỉ phải bắt đầu bằng http:// hoặc https://.',
      cellTooLong: 'Có ô dài hơn {max} ký tự: hãy rút gọn cho vừa với trường tương ứng.',
      empty: 'Ô này đang trống: hãy điền vào.',
      exists: 'Hồ sơ này đã có trong cuộc thi ({entry}, trùng tên dự án và tên đội): hãy xóa dòng này.',
      missingColumn: 'Thiếu cột “{column}”: hãy tải lại tệp mẫu và giữ nguyên dòng tiêu đề.',
      noMembers: 'Dòng này chưa có thành viên nào: hãy điền ít nhất họ tên và vai trò của thành viên 1.',
      noRows: 'Tệp không có hồ sơ nào bên dưới dòng tiêu đề.',
      noSheet: 'Tệp không có trang tính nào: hãy dùng tệp mẫu.',
      repeatedRow: 'Dòng này trùng với dòng {first} (cùng tên dự án và tên đội): hãy giữ lại một dòng.',
      tooLong: '{length} ký tự: tối đa {max} ký tự.',
      tooManyColumns: 'Dòng này có dữ liệu nằm ngoài các cột của tệp mẫu (chỉ đọc tối đa {max} cột): hãy xóa các cột thừa bên phải.',
      tooManyRows: 'Tệp có hơn {max} hồ sơ: mỗi lần chỉ nhập tối đa {max} hồ sơ, hãy chia thành nhiều tệp.',
      unknownCategory: '“{value}” không phải là hạng mục của cuộc thi này; hãy dùng một trong các hạng mục {categories}.',
    },
    assignment: {
      allJudgesConflicted: '{entry}: mọi giám khảo trong hội đồng đều có xung đột lợi ích với hồ sơ này.',
      tooFewJudges: '{entry}: cần thêm {needed} giám khảo không có xung đột lợi ích, nhưng chỉ còn {available} người.',
    },
    settings: {
      councilEmpty: 'Hội đồng cần ít nhất một thành viên; hoặc để mặc định là các giám khảo của vòng cuối.',
      councilNotJudge: 'Người này không phải giám khảo của cuộc thi: hãy mời họ vào ban giám khảo trước.',
      prizeCategoryMismatch: 'Giải này ghi hai hạng mục khác nhau: hãy chọn một.',
      prizeTierRepeated: 'Giải này xuất hiện hai lần cho cùng một hạng mục: giữ một dòng và tăng số suất của nó.',
      slugReserved: '“{slug}” được dành cho các trang của hệ thống: hãy chọn địa chỉ khác.',
      voteClosesBeforeOpening: 'Cổng bình chọn phải đóng sau khi mở.',
      noCriteria: 'Bộ tiêu chí cần ít nhất một tiêu chí.',
      priorityUnknown: '“{criterion}” không phải là tiêu chí của vòng này: hãy chọn một tiêu chí trong bộ tiêu chí.',
    },
    password: {
      blank: 'Không chỉ gồm khoảng trắng: hãy dùng chữ, số hoặc ký hiệu.',
      isEmail: 'Không trùng với địa chỉ e-mail của bạn: hãy chọn mật khẩu người khác không đoán được từ đó.',
      notCurrent: 'Đây không phải mật khẩu hiện tại của bạn.',
    },
    /** The organizers' own words are on the contest's rule; this is said where they are not at hand. */
    eligibility: {
      ruleFailed: 'Hồ sơ chưa đáp ứng điều kiện tham gia này của cuộc thi.',
    },
    screening: {
      reasonIneligible: 'Hãy ghi lý do hồ sơ không đủ điều kiện: đội thi và nhật ký kiểm toán sẽ đọc lý do này.',
      reasonOverride: 'Hãy ghi lý do hồ sơ vẫn đủ điều kiện dù không đạt quy định {rules}: nhật ký kiểm toán sẽ lưu lý do này.',
    },
    score: {
      decimals: '“{criterion}” chỉ nhận tối đa hai chữ số thập phân (ví dụ: 7,25).',
      outOfRange: '“{criterion}” phải là một số từ 0 đến {max}.',
      repeated: '“{criterion}” được gửi hai lần: hãy tải lại phiếu chấm.',
      unknownCriterion: 'Có tiêu chí không còn trong bộ tiêu chí của vòng: hãy tải lại phiếu chấm.',
    },
  },
};
