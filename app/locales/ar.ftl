# العربية (من اليمين إلى اليسار).

app-name = VIP route
skip-to-content = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
nav-home = الرئيسية
language-label = اللغة

home-title = مرحبًا بك في VIP route
home-intro = طريقك إلى العمل أو التدريب أو الدراسة: دورة تدريبية، مرشد، زيارات للشركات، تدريب عملي وتعريف شخصي.
health-label = حالة الخادم
health-checking = جارٍ التحقق من الاتصال…
health-ok = الخادم يعمل.

not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة، أو ليس لديك صلاحية الوصول إليها.
not-found-home = العودة إلى الرئيسية

error-network = لا يوجد اتصال بالخادم. تحقق من الإنترنت وحاول مرة أخرى.
error-decode = تعذّرت قراءة رد الخادم.
error-bad_request = الطلب غير صالح.
error-unauthenticated = أنت غير مسجّل الدخول (لم تعد كذلك).
error-forbidden = لا يُسمح لك بذلك.
error-not_found = غير موجود.
error-method_not_allowed = هذا الإجراء غير متاح هنا.
error-conflict = هذا يتعارض مع ما هو محفوظ.
error-payload_too_large = هذا أكبر من أن يُرسل.
error-validation = يرجى مراجعة الحقول المعلَّمة.
error-too_many_requests = محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.
error-internal = حدث خطأ في الخادم. حاول مرة أخرى لاحقًا.
error-unavailable = لا يمكن الوصول إلى الخادم الآن. حاول مرة أخرى لاحقًا.

violation-required = هذا الحقل مطلوب.
violation-too_short = قصير جدًا: { $min } أحرف على الأقل.
violation-too_long = طويل جدًا: { $max } حرفًا على الأكثر.
violation-invalid_format = صيغة هذا الإدخال غير صحيحة.
violation-out_of_range = اختر قيمة من { $min } إلى { $max }.
violation-in_the_past = هذا التاريخ في الماضي.
violation-in_the_future = هذا التاريخ في المستقبل.
violation-unknown_record = هذا غير موجود (لم يعد موجودًا).
violation-meeting_number_out_of_range = أرقام اللقاءات من 1 إلى 8.
violation-meetings_out_of_order = يجب أن يكون التاريخ بعد اللقاء السابق وقبل اللقاء التالي.
violation-meetings_too_close = يجب أن يفصل بين اللقاءين { $min_days } يوم على الأقل.
violation-meetings_too_far_apart = لا يجوز أن يفصل بين اللقاءين أكثر من { $max_days } يومًا.
violation-meeting_not_scheduled = لم يُحدَّد موعد هذا اللقاء بعد.
violation-attendance_in_the_future = يمكن تسجيل الحضور بعد انعقاد اللقاء.
violation-not_in_cohort = هذا المشارك ليس في هذه المجموعة.
violation-cohort_full = المجموعة ممتلئة: { $max } مشاركًا على الأكثر.
violation-caseload_full = هذا المرشد يرافق { $max } مشاركين بالفعل.
violation-capacity_full = ممتلئ: يتسع لـ { $capacity } أشخاص.
violation-already_registered = هذا المشارك مسجَّل بالفعل.
violation-internship_too_short = مدة التدريب العملي { $min_weeks } أسابيع على الأقل.
violation-internship_too_long = مدة التدريب العملي { $max_weeks } أسابيع على الأكثر.
violation-extension_too_long = مدة التمديد { $max_weeks } أسابيع على الأكثر.
violation-extension_already_used = سبق تمديد هذا التدريب مرة واحدة.
violation-extension_not_later = يجب أن يكون تاريخ الانتهاء الجديد بعد { $current_end }.
violation-hours_out_of_range = اختر من { $min } إلى { $max } ساعة في الأسبوع.
violation-internship_overlap = لدى هذا المشارك تدريب عملي في تلك الفترة بالفعل.
violation-training_not_complete = أكمل الدورة أولًا: حضرت { $attended } من { $required } لقاءات.
violation-budget_exceeded = هذا يتجاوز الميزانية: المتبقي { $remaining_cents }.
violation-amount_not_positive = يجب أن يكون المبلغ أكبر من صفر.
violation-invalid_transition = غير ممكن: من { $from } إلى { $to }.
violation-stale_version = قام شخص آخر بتغيير هذا في هذه الأثناء. أعد التحميل لرؤية أحدث نسخة.
violation-not_allowed_for_role = لا يُسمح لدورك بذلك.
violation-invalid_postcode = أدخل رمزًا بريديًا هولنديًا، مثل 1234 AB.
violation-invalid_kvk_number = رقم غرفة التجارة (KvK) مكوّن من 8 أرقام بالضبط.
violation-invalid_municipality_code = رمز البلدية هو GM متبوعًا بـ 4 أرقام.
violation-invalid_email = أدخل بريدًا إلكترونيًا صالحًا.
violation-invalid_phone = أدخل رقم هاتف صالحًا.
violation-follow_up_too_early = يمكن تسجيل المتابعة بدءًا من { $due_date }.
violation-consent_missing = لم يعطِ المشارك موافقته على ذلك.
violation-password_too_short = يجب أن تتكوّن كلمة المرور من { $min } أحرف على الأقل.
violation-password_too_long = يجب ألا تزيد كلمة المرور عن { $max } حرفًا.
violation-password_too_common = كلمة المرور هذه شائعة جدًا. اختر كلمة أخرى.
violation-invitation_invalid = هذه الدعوة غير صالحة أو منتهية أو مستخدمة من قبل. اطلب دعوة جديدة.

nav-profile = ملفي الشخصي
nav-accounts = الحسابات
nav-logout = تسجيل الخروج
nav-login = تسجيل الدخول
loading = جارٍ التحميل…
retry = حاول مرة أخرى
password-show = إظهار كلمة المرور

login-title = تسجيل الدخول
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-busy = جارٍ تسجيل الدخول…
login-failed = البريد الإلكتروني وكلمة المرور غير متطابقين. تحقق منهما وحاول مرة أخرى.
login-session-ended = انتهت جلستك. سجّل الدخول مرة أخرى لتتابع من حيث توقفت.
login-no-account = ليس لديك حساب بعد؟ ستصلك دعوة من منسّق البلدية التي تتبع لها.

accept-title = اختر كلمة المرور
accept-intro = لقد تمت دعوتك إلى VIP route. اختر كلمة مرور، وبعدها تكون قد سجّلت الدخول مباشرة.
accept-password = كلمة المرور الجديدة
accept-password-hint = { $min } أحرف على الأقل و{ $max } حرفًا على الأكثر. جملة من بضع كلمات سهلة التذكر وصعبة التخمين.
accept-submit = حفظ كلمة المرور
accept-busy = جارٍ الحفظ…
accept-no-token = هذا الرابط غير مكتمل. افتح الرابط من دعوتك مرة أخرى، أو اطلب دعوة جديدة.
accept-to-login = الانتقال إلى تسجيل الدخول

role-participant = مشارك
role-coach = مرشد
role-company_contact = مسؤول تواصل في جهة
role-coordinator = منسّق
role-municipality_viewer = موظف في البلدية

ladder-isolated = معزول
ladder-social_contacts = علاقات اجتماعية خارج المنزل
ladder-organised_activities = المشاركة في أنشطة منظمة
ladder-unpaid_work = عمل غير مدفوع الأجر
ladder-paid_work_with_support = عمل مدفوع الأجر مع دعم
ladder-paid_work = عمل مدفوع الأجر

opening-kind-company_visit = زيارة شركة
opening-kind-internship = تدريب عملي
opening-kind-job = وظيفة
opening-kind-volunteer = عمل تطوعي
opening-kind-education = دراسة
opening-status-draft = مسودة
opening-status-open = مفتوح
opening-status-filled = مشغول
opening-status-closed = مغلق
organisation-kind-company = شركة
organisation-kind-school = مدرسة
organisation-kind-volunteer_organisation = منظمة تطوعية
organisation-kind = النوع
organisation-sector = القطاع
organisation-address = العنوان

participants-none = لا يوجد مشاركون (بعد).
municipalities-none = لا توجد بلديات (بعد).
cohorts-none = لا توجد مجموعات (بعد).
cohort-participants = عدد المشاركين: { $count }
cohort-small = مجموعة صغيرة: أقل من 6 مشاركين.
home-not-linked = حسابك غير مرتبط بأي شيء بعد. اطلب المساعدة من المنسّق.

agreement-period = مدة الاتفاق
agreement-period-value = من { $start } إلى { $end }
agreement-contracted = عدد المشاركين المتفق عليه
agreement-budget-cap = الميزانية لكل مشارك
agreement-budget-default = الميزانية المعتادة للبرنامج: { $amount }

participant-home-title = مرحبًا { $name }
participant-home-title-plain = مرحبًا
participant-home-intro = يسعدنا انضمامك. هنا تتابع طريقك الخاص إلى العمل أو التدريب أو الدراسة.
participant-home-route-title = طريقك
participant-home-route = ستظهر هنا خطوة بخطوة الدورة التدريبية ولقاءاتك مع مرشدك وزيارات الشركات وتدريبك العملي.
participant-home-profile = عرض ملفك الشخصي

coach-home-title = المشاركون معي
coach-home-intro = المشاركون الذين ترشدهم. اختر أحدهم لفتح ملفه الشخصي.
coach-home-participants = المشاركون

company-home-title = جهتي
company-home-openings = الأماكن والوظائف الشاغرة
company-home-no-openings = لا توجد أماكن أو وظائف شاغرة بعد.

coordinator-home-title = نظرة عامة
coordinator-home-intro = البلديات والمجموعات والمشاركون الذين تعمل لهم.
coordinator-home-accounts = الحسابات والدعوات
coordinator-home-municipalities = البلديات
coordinator-home-cohorts = المجموعات
coordinator-home-participants = المشاركون

municipality-home-title = بلديتي
municipality-home-reports = ستتوفر قريبًا تقارير عن المشاركين من بلديتك.

profile-title = الملف الشخصي
profile-email = البريد الإلكتروني
profile-languages = اللغات
profile-dutch-level = مستوى اللغة الهولندية
profile-ladder = سلّم المشاركة عند البداية
profile-ladder-value = الدرجة { $rung } من 6: { $name }

accounts-title = الحسابات
invite-title = دعوة شخص
invite-intro = تنشئ رابطًا يختار به الشخص كلمة مروره بنفسه. أرسل الرابط بطريقة آمنة؛ فهو يعمل مرة واحدة فقط.
invite-email = البريد الإلكتروني
invite-role = الدور
invite-municipality = البلدية
invite-participant = المشارك
invite-organisation = الجهة
invite-choose = اختر
invite-submit = إنشاء الدعوة
invite-busy = جارٍ الإنشاء…
invite-created = تم إنشاء الدعوة. انسخ الرابط وأرسله.
invite-link = رابط الدعوة
invite-link-hint = صالح حتى { $expires }. سترى هذا الرابط مرة واحدة فقط.
invite-another = دعوة شخص آخر
accounts-list-title = جميع الحسابات
accounts-none = لا توجد حسابات بعد.
accounts-active = نشط
accounts-disabled = معطّل
accounts-invited = مدعو، لم يضع كلمة مرور بعد
accounts-you = أنت
accounts-disable = تعطيل
accounts-disable-confirm = هل تريد تعطيل الحساب { $email }؟ سيتم تسجيل خروج هذا الشخص فورًا ولن يتمكن من تسجيل الدخول بعد ذلك.
