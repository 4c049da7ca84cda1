"""The demo site's identity, home page, news index, category, tags and disclaimer variant."""

SITE_SETTINGS = {
    "site_name_zh_hans": "杭吉干细胞资讯",
    "site_name_en": "Hangji Stem Cell News",
    "tagline_zh_hans": "即时推送国内外干细胞临床医学资讯,为细胞治疗普惠大众而努力!",
    "tagline_en": (
        "Up-to-the-minute stem-cell clinical news from China and around the world, "
        "working to make cell therapy accessible to everyone!"
    ),
    "address_zh_hans": "中国,浙江,杭州",
    "address_en": "Hangzhou, Zhejiang, China",
    "hotline": "400-622-0089",
    "telegram": "+86-139-6700-7000",
    "default_disclaimer_zh_hans": (
        "免责说明:本文仅用于传播科普知识,分享行业观点,不构成任何临床诊断建议!"
        "杭吉干细胞所发布的信息不能替代医生或药剂师的专业建议。如有版权等疑问,请随时联系我。"
    ),
    "default_disclaimer_en": (
        "Disclaimer: this article is intended only to share popular-science knowledge and "
        "industry perspectives and does not constitute clinical or diagnostic advice of any kind! "
        "Information published by Hangji Stem Cell cannot replace the professional advice of a "
        "doctor or pharmacist. If you have any copyright or other concerns, please feel free to "
        "contact us."
    ),
}

HOME_PAGE = {
    "title_zh_hans": "首页",
    "title_en": "Home",
    "slug_zh_hans": "home",
    "slug_en": "home",
    "intro_zh_hans": (
        "<p>杭吉干细胞资讯关注国内外干细胞与细胞治疗的临床研究、临床试验和行业动态,"
        "用通俗易懂的语言解读最新科研进展。</p>"
    ),
    "intro_en": (
        "<p>Hangji Stem Cell News follows clinical research, clinical trials and industry news "
        "on stem-cell and cell therapy in China and abroad, explaining the latest science in "
        "plain language.</p>"
    ),
}

NEWS_INDEX = {
    "title_zh_hans": "新闻资讯",
    "title_en": "News",
    "slug_zh_hans": "news",
    "slug_en": "news",
    "intro_zh_hans": "<p>干细胞与细胞治疗领域的最新研究、临床试验和行业动态。</p>",
    "intro_en": "<p>The latest research, clinical trials and industry news in stem-cell and "
    "cell therapy.</p>",
}

CATEGORY = {
    "slug": "stem-cell-news",
    "name_zh_hans": "干细胞资讯",
    "name_en": "Stem cell news",
}

# The articles' tags (named in Chinese in their seed data) with their English names.
TAGS = [
    {"name_zh_hans": "干细胞", "name_en": "Stem cells", "slug": "stem-cells"},
    {"name_zh_hans": "抑郁症", "name_en": "Depression", "slug": "depression"},
    {
        "name_zh_hans": "间充质干细胞",
        "name_en": "Mesenchymal stem cells",
        "slug": "mesenchymal-stem-cells",
    },
    {"name_zh_hans": "临床试验", "name_en": "Clinical trials", "slug": "clinical-trials"},
    {"name_zh_hans": "心脏病", "name_en": "Heart disease", "slug": "heart-disease"},
    {"name_zh_hans": "细胞治疗", "name_en": "Cell therapy", "slug": "cell-therapy"},
    {"name_zh_hans": "博鳌乐城", "name_en": "Boao Lecheng", "slug": "boao-lecheng"},
]

# A stricter variant editors may pick for articles about clinical trials.
TRIAL_NEWS_DISCLAIMER = {
    "name": "临床试验资讯(严格) / Clinical trial news (strict)",
    "text_zh_hans": (
        "免责说明:本文介绍的临床试验多处于早期阶段,其结果尚未经过充分验证,不代表相关疗法已获批准"
        "或适用于所有患者。本文仅用于传播科普知识,不构成任何临床诊断或治疗建议;是否参加临床试验,"
        "请咨询您的主治医生。杭吉干细胞所发布的信息不能替代医生或药剂师的专业建议。"
    ),
    "text_en": (
        "Disclaimer: most of the clinical trials described here are at an early stage. Their "
        "results have not yet been fully validated and do not mean that the therapies concerned "
        "are approved or suitable for every patient. This article shares popular-science "
        "knowledge only and does not constitute clinical diagnosis or treatment advice; please "
        "consult your own doctor before taking part in any clinical trial. Information published "
        "by Hangji Stem Cell cannot replace the professional advice of a doctor or pharmacist."
    ),
}

CONTACT_PAGE = {
    "title_zh_hans": "联系我们",
    "title_en": "Contact us",
    "slug_zh_hans": "contact",
    "slug_en": "contact",
    "intro_zh_hans": "<p>欢迎通过下方表单或官方热线与我们联系,我们会尽快回复。</p>",
    "intro_en": "<p>Send us a message with the form below or call our hotline; we will reply "
    "as soon as we can.</p>",
    "thank_you_text_zh_hans": "<p>感谢您的留言,我们会尽快与您联系。</p>",
    "thank_you_text_en": "<p>Thank you for your message. We will get back to you soon.</p>",
}
