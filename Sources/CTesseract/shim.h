#ifndef GOVREPORT_CTESSERACT_SHIM_H
#define GOVREPORT_CTESSERACT_SHIM_H
// Tesseract's C API, for its types only: the library is not linked but opened with dlopen
// when a page needs OCR, so that a PDF with a text layer pays nothing for it (linking
// libtesseract and its 50-odd dependencies doubles the start-up time of every run) and so
// that OMP_THREAD_LIMIT is in the environment before libgomp reads it.
#include <dlfcn.h>
#include <tesseract/capi.h>

// One function-pointer type per C API function the wrapper calls, checked against capi.h.
typedef __typeof__(&TessVersion) GovTessVersionFn;
typedef __typeof__(&TessDeleteText) GovTessDeleteTextFn;
typedef __typeof__(&TessBaseAPICreate) GovTessBaseAPICreateFn;
typedef __typeof__(&TessBaseAPIDelete) GovTessBaseAPIDeleteFn;
typedef __typeof__(&TessBaseAPIEnd) GovTessBaseAPIEndFn;
typedef __typeof__(&TessBaseAPIInit2) GovTessBaseAPIInit2Fn;
typedef __typeof__(&TessBaseAPISetVariable) GovTessBaseAPISetVariableFn;
typedef __typeof__(&TessBaseAPISetPageSegMode) GovTessBaseAPISetPageSegModeFn;
typedef __typeof__(&TessBaseAPISetImage) GovTessBaseAPISetImageFn;
typedef __typeof__(&TessBaseAPISetSourceResolution) GovTessBaseAPISetSourceResolutionFn;
typedef __typeof__(&TessBaseAPIRecognize) GovTessBaseAPIRecognizeFn;
typedef __typeof__(&TessBaseAPIGetIterator) GovTessBaseAPIGetIteratorFn;
typedef __typeof__(&TessBaseAPIClear) GovTessBaseAPIClearFn;
typedef __typeof__(&TessResultIteratorDelete) GovTessResultIteratorDeleteFn;
typedef __typeof__(&TessResultIteratorNext) GovTessResultIteratorNextFn;
typedef __typeof__(&TessResultIteratorGetUTF8Text) GovTessResultIteratorGetUTF8TextFn;
typedef __typeof__(&TessResultIteratorConfidence) GovTessResultIteratorConfidenceFn;
typedef __typeof__(&TessResultIteratorGetPageIteratorConst) GovTessResultIteratorGetPageIteratorConstFn;
typedef __typeof__(&TessResultIteratorGetChoiceIterator) GovTessResultIteratorGetChoiceIteratorFn;
typedef __typeof__(&TessPageIteratorBoundingBox) GovTessPageIteratorBoundingBoxFn;
typedef __typeof__(&TessPageIteratorIsAtBeginningOf) GovTessPageIteratorIsAtBeginningOfFn;
typedef __typeof__(&TessChoiceIteratorDelete) GovTessChoiceIteratorDeleteFn;
typedef __typeof__(&TessChoiceIteratorNext) GovTessChoiceIteratorNextFn;
typedef __typeof__(&TessChoiceIteratorGetUTF8Text) GovTessChoiceIteratorGetUTF8TextFn;
typedef __typeof__(&TessChoiceIteratorConfidence) GovTessChoiceIteratorConfidenceFn;

#endif
