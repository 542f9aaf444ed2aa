# Phrase moko mpo na code moko na moko ya libunga ya src/domain/errors.ts: error-<code na mikemike, _ → ->.
# Eloko moko ebongwanaka te soki moko na yango emonisami.

error-validation = Nasosoli bosenga oyo te. Tala yango malamu mpe meka lisusu (/help mpo na lisalisi).
error-text-empty = Message ezali mpamba.
error-text-too-long = Maloba oyo eleki molai : { $max } ba lettre kaka{ $length ->
    [0] {""}
   *[other] {" "}(ezali na { $length })
  }. Eloko ebombami te : kitisa yango to tinda yango na ba message mingi.
error-invalid-amount = Motuya oyo ebongi te. Koma motango, ndakisa 5000.
error-currency-mismatch = Mbongo oyo ekokani te na oyo ya commande ({ $currency }).
error-invalid-ground = Ntina oyo eyebani te. Ntina oyo ekoki : { $grounds }.
error-invalid-reason = Ntina oyo ezali te. Pona moko na liste.
error-case-not-found = Namoni litige oyo te, to etali yo te.
error-order-not-found = Namoni commande oyo na kombo na yo te.
error-shop-not-found = Namoni butiki oyo te.
error-account-not-found = Namoni compte Congocrea oyo te.
error-not-your-case = Litige oyo etali yo te.
error-not-order-buyer = Kaka mosombi ya commande nde akoki kofungola litige.
error-buyer-only = Kaka mosombi nde akoki kosala yango.
error-seller-only = Kaka moteki nde akoki kosala yango.
error-support-only = { $staffChannel ->
    [yes] Yango ezali kaka mpo na support, na canal ya support.
   *[no] Yango ezali kaka mpo na support.
  }
error-not-linked = Kangisa liboso messagerie oyo na compte na yo ya Congocrea (/start mpo na koyeba ndenge nini).
error-reason-not-caseable = Litige ekoki kofungwama kaka soki commande ekomi te to eloko ekokani te na annonce. Mpo na makambo mosusu, komela moteki.
error-not-eligible-yet = Ntango ekoki naino te mpo na kofungola litige na commande oyo. Na ntango oyo, komela moteki.
error-case-window-closed = Ntango ya kofungola litige na commande oyo eleki. Okoki naino kokomela moteki.
error-case-already-open = Litige moko esi efungwami mpo na commande oyo : { $caseId }.
error-case-closed = Litige oyo esili.
error-case-not-closed = Litige oyo esili naino te.
error-escalation-not-yet = Okoki kotinda litige oyo na support kobanda { $at }. Kino wana, moteki akoki naino kobongisa likambo elongo na yo.
error-already-escalated = Litige oyo esi ezali na maboko ya support.
error-not-escalated = Yango ekoki kaka soki litige etindami na support.
error-refund-too-large = Mbongo oyo eleki oyo etikali kozongisa ({ $max }).
error-late-delivery-full-refund-only = Litige oyo ezali na livraison ya retard : kaka kozongisa mbongo nyonso nde ekoki kosukisa yango.
error-not-late-yet = Litige oyo ekomi naino na livraison ya retard te.
error-already-late = Litige oyo esi elakisami lokola livraison ya retard.
error-tracking-not-found = Transporteur ayebi numéro ya suivi oyo te.
error-shop-suspended = Butiki oyo etelemisami ; support nde ezali kolanda ba litige na yango.
error-shop-not-suspended = Butiki oyo etelemisami te.
error-version-conflict = Litige ebongwani na ntango wana. Meka lisusu.
error-duplicate = Esi esalami.
error-link-token-invalid = Code ya kokangisa oyo ebongi te. Senga oyo ya sika na site ya Congocrea.
error-link-token-expired = Code ya kokangisa oyo eleki ntango. Senga oyo ya sika na site ya Congocrea.
error-link-token-used = Code ya kokangisa oyo esi esalelami. Senga oyo ya sika na site ya Congocrea.
error-action-invalid = Bouton oyo ebongi awa te. Eloko moko ebongwani te.
error-action-expired = Boponi oyo esalaka lisusu te : esalemaki kala, motuna ya sika ezwi esika na yango, to ntango na yango eleki. Eloko moko ebongwani te : zongela na /cases to /report.
error-rate-limited = Ozali kokende mbangu mingi : meka lisusu mwa moke.
error-input-too-large = Yango eleki molai to monene mpo na ngai. Eloko moko ebongwani te.
error-unsupported-media = Lolenge ya fichier oyo endimami te. Tinda foto (JPEG, PNG, WebP, GIF), PDF to fichier ya makomi.
error-marketplace-unavailable = Marketplace ezali koyanola te sikoyo. Eloko moko ebongwani te : meka lisusu nsima ya miniti moke.
error-marketplace-bad-response = Marketplace etindi eyano oyo nasosoli te. Eloko moko ebongwani te : meka lisusu nsima ; soki ekobi, benga support ya Congocrea.
error-internal = Bolimbisi, likambo moko esalemi mabe na ngambo na ngai. Meka lisusu mwa moke ; soki ekobi, benga support ya Congocrea.
