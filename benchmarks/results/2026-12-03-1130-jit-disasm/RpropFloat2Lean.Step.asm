; Assembly listing for method OptGen.Benchmarks.Investigation.RpropFloat2Lean:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 3 single block inlinees; 2 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG36
       cmp      r8d, 2
       jne      G_M000_IG36
       mov      rdx, qword ptr [rdi+0x10]
       inc      rdx
       mov      qword ptr [rdi+0x10], rdx
       cmp      rdx, 1
       jne      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0028
       vcvtsd2ss xmm0, xmm0, qword ptr [rdi+0x08]
       vmovss   dword ptr [rdi+0x24], xmm0
       vmovss   dword ptr [rdi+0x20], xmm0
 
G_M000_IG04:                ;; offset=0x0037
       vmovss   xmm0, dword ptr [rcx]
       vmulss   xmm1, xmm0, dword ptr [rdi+0x18]
       vmovss   xmm2, dword ptr [rdi+0x20]
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm1, xmm3
       jbe      SHORT G_M000_IG06
 
G_M000_IG05:                ;; offset=0x004F
       vmovss   xmm3, dword ptr [reloc @RWD00]
       jmp      SHORT G_M000_IG08
 
G_M000_IG06:                ;; offset=0x0059
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm3, xmm1
       jbe      SHORT G_M000_IG07
       vmovss   xmm3, dword ptr [reloc @RWD04]
       jmp      SHORT G_M000_IG08
 
G_M000_IG07:                ;; offset=0x006D
       vmovss   xmm3, dword ptr [reloc @RWD08]
 
G_M000_IG08:                ;; offset=0x0075
       vmulss   xmm2, xmm2, xmm3
       vmovss   xmm3, dword ptr [reloc @RWD12]
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG10
 
G_M000_IG09:                ;; offset=0x0087
       vmovaps  xmm4, xmm3
       jmp      SHORT G_M000_IG12
 
G_M000_IG10:                ;; offset=0x008D
       vmovss   xmm4, dword ptr [reloc @RWD16]
       vucomiss xmm2, xmm4
       jbe      SHORT G_M000_IG11
       jmp      SHORT G_M000_IG12
 
G_M000_IG11:                ;; offset=0x009D
       vmovaps  xmm4, xmm2
 
G_M000_IG12:                ;; offset=0x00A1
       vmovss   dword ptr [rdi+0x20], xmm4
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm1
       jbe      SHORT G_M000_IG14
 
G_M000_IG13:                ;; offset=0x00B0
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG15
 
G_M000_IG14:                ;; offset=0x00B6
       vmovaps  xmm1, xmm0
 
G_M000_IG15:                ;; offset=0x00BA
       vmovss   xmm0, dword ptr [rsi]
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm1, xmm2
       jbe      SHORT G_M000_IG17
 
G_M000_IG16:                ;; offset=0x00C8
       jmp      SHORT G_M000_IG19
 
G_M000_IG17:                ;; offset=0x00CA
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm1
       jbe      SHORT G_M000_IG18
       vxorps   xmm4, xmm4, xmmword ptr [reloc @RWD32]
       jmp      SHORT G_M000_IG19
 
G_M000_IG18:                ;; offset=0x00DE
       vmulss   xmm4, xmm1, xmm4
 
G_M000_IG19:                ;; offset=0x00E2
       vsubss   xmm0, xmm0, xmm4
       vmovss   dword ptr [rsi], xmm0
       vmovss   dword ptr [rdi+0x18], xmm1
       vmovss   xmm0, dword ptr [rcx+0x04]
       vmulss   xmm1, xmm0, dword ptr [rdi+0x1C]
       vmovss   xmm2, dword ptr [rdi+0x24]
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm1, xmm4
       jbe      SHORT G_M000_IG21
 
G_M000_IG20:                ;; offset=0x0108
       vmovss   xmm4, dword ptr [reloc @RWD00]
       jmp      SHORT G_M000_IG23
 
G_M000_IG21:                ;; offset=0x0112
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm4, xmm1
       jbe      SHORT G_M000_IG22
       vmovss   xmm4, dword ptr [reloc @RWD04]
       jmp      SHORT G_M000_IG23
 
G_M000_IG22:                ;; offset=0x0126
       vmovss   xmm4, dword ptr [reloc @RWD08]
 
G_M000_IG23:                ;; offset=0x012E
       vmulss   xmm2, xmm2, xmm4
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG25
 
G_M000_IG24:                ;; offset=0x0138
       jmp      SHORT G_M000_IG27
 
G_M000_IG25:                ;; offset=0x013A
       vmovss   xmm4, dword ptr [reloc @RWD16]
       vucomiss xmm2, xmm4
       jbe      SHORT G_M000_IG26
       vmovaps  xmm3, xmm4
       jmp      SHORT G_M000_IG27
 
G_M000_IG26:                ;; offset=0x014E
       vmovaps  xmm3, xmm2
 
G_M000_IG27:                ;; offset=0x0152
       vmovss   dword ptr [rdi+0x24], xmm3
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm1
       jbe      SHORT G_M000_IG29
 
G_M000_IG28:                ;; offset=0x0161
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG30
 
G_M000_IG29:                ;; offset=0x0167
       vmovaps  xmm1, xmm0
 
G_M000_IG30:                ;; offset=0x016B
       add      rsi, 4
       vmovss   xmm0, dword ptr [rsi]
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm1, xmm2
       jbe      SHORT G_M000_IG32
 
G_M000_IG31:                ;; offset=0x017D
       jmp      SHORT G_M000_IG34
 
G_M000_IG32:                ;; offset=0x017F
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm1
       jbe      SHORT G_M000_IG33
       vxorps   xmm3, xmm3, xmmword ptr [reloc @RWD32]
       jmp      SHORT G_M000_IG34
 
G_M000_IG33:                ;; offset=0x0193
       vmulss   xmm3, xmm1, xmm3
 
G_M000_IG34:                ;; offset=0x0197
       vsubss   xmm0, xmm0, xmm3
       vmovss   dword ptr [rsi], xmm0
       vmovss   dword ptr [rdi+0x1C], xmm1
 
G_M000_IG35:                ;; offset=0x01A4
       pop      rbp
       ret      
 
G_M000_IG36:                ;; offset=0x01A6
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.Investigation.ProposedGuards:ThrowLengthMismatch(int,int,int)]
       int3     
 
RWD00  	dd	3F99999Ah		;       1.2
RWD04  	dd	3F000000h		;       0.5
RWD08  	dd	3F800000h		;         1
RWD12  	dd	358637BDh		;     1e-06
RWD16  	dd	42480000h		;        50
RWD20  	dd	00000000h, 00000000h, 00000000h
RWD32  	dq	8000000080000000h, 8000000080000000h

; Total bytes of code 439

