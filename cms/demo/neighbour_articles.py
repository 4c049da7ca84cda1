"""The seed article's two neighbours (previous and next), short news items dated 2025-08-29."""

import datetime

HEART_ARTICLE = {
    "slug": "stem-cells-heart-disease",
    "date": datetime.date(2025, 8, 29),
    "tags": ["干细胞", "心脏病"],
    "lead_image": None,
    "title": {
        "zh-hans": "心脏病人新希望?干细胞治疗如何让心脏“重获活力”,远超传统治疗",
        "en": (
            "New hope for heart patients? How stem-cell therapy aims to help the heart "
            "“regain its vitality”, beyond conventional treatment"
        ),
    },
    "summary": {
        "zh-hans": (
            "干细胞治疗心脏疾病的研究不断推进。"
            "本文简要介绍这一领域的研究思路,以及患者关注新疗法时需要注意的问题。"
        ),
        "en": (
            "Research into stem-cell therapy for heart disease keeps advancing. This article "
            "outlines the ideas behind the field and what patients should bear in mind when "
            "looking at new treatments."
        ),
    },
    "body": {
        "zh-hans": [
            (
                "paragraph",
                (
                    "<p>心血管疾病是威胁人类健康的主要疾病之一。对于心肌梗死、心力衰竭等患者,药物、"
                    "介入和手术"
                    "等传统治疗能够控制病情,但难以让已经受损的心肌真正恢复。</p>"
                ),
            ),
            ("heading", {"text": "干细胞研究带来的新思路"}),
            (
                "paragraph",
                (
                    "<p>近年来,国内外研究团队正在探索利用干细胞及其分泌的活性因子修复受损心脏组织的"
                    "可能性,"
                    "相关研究已从动物实验逐步走向早期临床试验。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>需要指出的是,干细胞治疗心脏病目前总体仍处于临床研究阶段,"
                    "其长期疗效和安全性有待更多"
                    "大规模临床试验验证。患者如有意了解或参与相关研究,"
                    "应在专业医生指导下选择正规医疗机构和已注册的"
                    "临床试验。</p>"
                ),
            ),
        ],
        "en": [
            (
                "paragraph",
                (
                    "<p>Cardiovascular disease is one of the leading threats to human health. For "
                    "patients with conditions such as myocardial infarction and heart failure, "
                    "conventional treatment with medicines, catheter-based procedures and surgery "
                    "can "
                    "keep the disease under control, but it can hardly restore heart muscle that "
                    "has "
                    "already been damaged.</p>"
                ),
            ),
            ("heading", {"text": "New ideas from stem-cell research"}),
            (
                "paragraph",
                (
                    "<p>In recent years, research teams in China and abroad have been exploring "
                    "whether stem cells, and the active factors they secrete, could repair damaged "
                    "heart tissue; the work is moving step by step from animal experiments to "
                    "early "
                    "clinical trials.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>It should be stressed that stem-cell therapy for heart disease is, on the "
                    "whole, still at the clinical research stage, and its long-term efficacy and "
                    "safety remain to be confirmed by larger clinical trials. Patients who wish to "
                    "learn about or take part in such research should do so under a specialist's "
                    "guidance, choosing accredited medical institutions and registered clinical "
                    "trials.</p>"
                ),
            ),
        ],
    },
}

BOAO_ARTICLE = {
    "slug": "boao-lecheng-cell-therapy-prices",
    "date": datetime.date(2025, 8, 29),
    "tags": ["细胞治疗", "博鳌乐城"],
    "lead_image": None,
    "title": {
        "zh-hans": "快讯!博鳌乐城又公布3项细胞治疗技术的价格及落地医院",
        "en": (
            "News flash: Boao Lecheng publishes prices and hospitals for three more "
            "cell-therapy technologies"
        ),
    },
    "summary": {
        "zh-hans": "海南博鳌乐城国际医疗旅游先行区再次公布细胞治疗技术的收费标准和落地医院。",
        "en": (
            "The Hainan Boao Lecheng International Medical Tourism Pilot Zone has again "
            "published the fees and designated hospitals for cell-therapy technologies."
        ),
    },
    "body": {
        "zh-hans": [
            (
                "paragraph",
                (
                    "<p>据海南博鳌乐城国际医疗旅游先行区消息,先行区近日又公布了3项细胞治疗技术的价"
                    "格及落地医院。"
                    "</p>"
                ),
            ),
            ("heading", {"text": "先行区细胞治疗项目持续增加"}),
            (
                "paragraph",
                (
                    "<p>博鳌乐城国际医疗旅游先行区是国内开展先进医疗技术临床应用的重要平台。"
                    "此次公布价格及落地医院,"
                    "便于患者了解相关项目的费用和就诊渠道。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>本站将持续关注相关进展。各项技术的适应证、收费标准和医院名单,"
                    "请以官方发布的信息为准;"
                    "患者在考虑接受细胞治疗前,应咨询专业医生。</p>"
                ),
            ),
        ],
        "en": [
            (
                "paragraph",
                (
                    "<p>According to the Hainan Boao Lecheng International Medical Tourism Pilot "
                    "Zone, "
                    "the zone has recently published the prices and designated hospitals for three "
                    "more cell-therapy technologies.</p>"
                ),
            ),
            ("heading", {"text": "More cell-therapy services in the pilot zone"}),
            (
                "paragraph",
                (
                    "<p>The Boao Lecheng pilot zone is an important platform in China for the "
                    "clinical use of advanced medical technologies. Publishing the prices and "
                    "hospitals helps patients see what the services cost and where they are "
                    "offered.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>We will keep following developments. For each technology's indications, "
                    "fees "
                    "and list of hospitals, please rely on the official announcements; patients "
                    "considering cell therapy should first consult a specialist.</p>"
                ),
            ),
        ],
    },
}
