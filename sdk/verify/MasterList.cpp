#include "verify/MasterList.h"

#include "base/Error.h"
#include "crypto/Oid.h"
#include "lds/Sod.h"

namespace cccd::verify {

namespace asn1 = crypto::asn1;

MasterList MasterList::parse(ByteView der) {
    MasterList list;
    list.signedData = crypto::SignedData::parse(der);
    if (list.signedData.eContentType != CscaMasterListOid || !list.signedData.eContent) {
        throw Error(ErrorCode::MalformedData, "master list: eContent is not a CscaMasterList");
    }
    tlv::Tlv content = tlv::parse(*list.signedData.eContent, asn1::Sequence);
    tlv::TlvReader reader(content.value);
    (void)reader.expect(asn1::Integer);
    // One bad certificate (some issuers publish odd encodings) must not cost the others.
    for (const tlv::Tlv& entry : tlv::children(reader.expect(asn1::Set))) {
        try {
            list.certificates.push_back(crypto::Certificate::fromDer(entry.encoded));
        } catch (const Error&) {
            ++list.rejected;
        }
    }
    return list;
}

DocumentSignerReport checkMasterList(const MasterList& list,
                                     std::span<const crypto::Certificate> anchors,
                                     crypto::Time now) {
    std::vector<crypto::Certificate> all(list.certificates.begin(), list.certificates.end());
    all.insert(all.end(), anchors.begin(), anchors.end());
    lds::DocumentSignerInfo signer = lds::locateDocumentSigner(list.signedData);
    return checkDocumentSigner(list.signedData, signer, all, now, SignerKind::MasterListSigner);
}

} // namespace cccd::verify
