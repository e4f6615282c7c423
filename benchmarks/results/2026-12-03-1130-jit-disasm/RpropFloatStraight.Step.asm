; Assembly listing for method OptGen.Benchmarks.HandWritten.RpropFloatStraight:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 0 single block inlinees; 6 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG34
       cmp      r8d, 2
       jne      G_M000_IG34
       cmp      byte  ptr [rdi+0x20], 0
       jne      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x001D
       vcvtsd2ss xmm0, xmm0, qword ptr [rdi+0x08]
       vmovss   dword ptr [rdi+0x1C], xmm0
       vmovss   dword ptr [rdi+0x18], xmm0
       mov      byte  ptr [rdi+0x20], 1
 
G_M000_IG04:                ;; offset=0x0030
       vmovss   xmm0, dword ptr [rsi]
       vmovss   xmm1, dword ptr [rcx]
       lea      rdx, bword ptr [rdi+0x10]
       lea      r8, bword ptr [rdi+0x18]
       vmulss   xmm2, xmm1, dword ptr [rdx]
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm3, xmm2
       ja       G_M000_IG14
 
G_M000_IG05:                ;; offset=0x0052
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG06
       vmovss   xmm2, dword ptr [r8]
       vmulss   xmm2, xmm2, dword ptr [reloc @RWD00]
       jmp      SHORT G_M000_IG07
 
G_M000_IG06:                ;; offset=0x006B
       vmovss   xmm2, dword ptr [r8]
 
G_M000_IG07:                ;; offset=0x0070
       vmovss   xmm3, dword ptr [reloc @RWD04]
       vucomiss xmm3, xmm2
       ja       SHORT G_M000_IG09
       vmovss   xmm4, dword ptr [reloc @RWD08]
       vucomiss xmm2, xmm4
       ja       SHORT G_M000_IG08
       jmp      SHORT G_M000_IG10
 
G_M000_IG08:                ;; offset=0x008E
       vmovaps  xmm2, xmm4
       jmp      SHORT G_M000_IG10
 
G_M000_IG09:                ;; offset=0x0094
       vmovaps  xmm2, xmm3
 
G_M000_IG10:                ;; offset=0x0098
       vmovss   dword ptr [r8], xmm2
       vmovss   dword ptr [rdx], xmm1
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm1, xmm4
       jbe      SHORT G_M000_IG11
       vmovss   xmm2, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG13
 
G_M000_IG11:                ;; offset=0x00B5
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm1
       jbe      SHORT G_M000_IG12
       vmovss   xmm2, dword ptr [reloc @RWD16]
       jmp      SHORT G_M000_IG13
 
G_M000_IG12:                ;; offset=0x00C9
       vmovaps  xmm2, xmm1
 
G_M000_IG13:                ;; offset=0x00CD
       vmulss   xmm1, xmm2, dword ptr [r8]
       jmp      SHORT G_M000_IG18
 
G_M000_IG14:                ;; offset=0x00D4
       vmovss   xmm3, dword ptr [r8]
       vmulss   xmm1, xmm3, dword ptr [reloc @RWD20]
       vmovss   xmm3, dword ptr [reloc @RWD04]
       vucomiss xmm3, xmm1
       ja       SHORT G_M000_IG16
       vmovss   xmm4, dword ptr [reloc @RWD08]
       vucomiss xmm1, xmm4
       ja       SHORT G_M000_IG15
       jmp      SHORT G_M000_IG17
 
G_M000_IG15:                ;; offset=0x00FF
       vmovaps  xmm1, xmm4
       jmp      SHORT G_M000_IG17
 
G_M000_IG16:                ;; offset=0x0105
       vmovaps  xmm1, xmm3
 
G_M000_IG17:                ;; offset=0x0109
       vmovss   dword ptr [r8], xmm1
       xor      eax, eax
       mov      dword ptr [rdx], eax
       vxorps   xmm1, xmm1, xmm1
 
G_M000_IG18:                ;; offset=0x0116
       vsubss   xmm4, xmm0, xmm1
       vmovss   dword ptr [rsi], xmm4
       add      rsi, 4
       vmovss   xmm0, dword ptr [rsi]
       vmovss   xmm1, dword ptr [rcx+0x04]
       lea      rdx, bword ptr [rdi+0x14]
       add      rdi, 28
       vmulss   xmm2, xmm1, dword ptr [rdx]
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm4, xmm2
       ja       SHORT G_M000_IG28
 
G_M000_IG19:                ;; offset=0x0141
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm2, xmm4
       jbe      SHORT G_M000_IG20
       vmovss   xmm2, dword ptr [rdi]
       vmulss   xmm2, xmm2, dword ptr [reloc @RWD00]
       jmp      SHORT G_M000_IG21
 
G_M000_IG20:                ;; offset=0x0159
       vmovss   xmm2, dword ptr [rdi]
 
G_M000_IG21:                ;; offset=0x015D
       vucomiss xmm3, xmm2
       ja       SHORT G_M000_IG23
       vmovss   xmm4, dword ptr [reloc @RWD08]
       vucomiss xmm2, xmm4
       ja       SHORT G_M000_IG22
       jmp      SHORT G_M000_IG24
 
G_M000_IG22:                ;; offset=0x0173
       vmovaps  xmm2, xmm4
       jmp      SHORT G_M000_IG24
 
G_M000_IG23:                ;; offset=0x0179
       vmovaps  xmm2, xmm3
 
G_M000_IG24:                ;; offset=0x017D
       vmovss   dword ptr [rdi], xmm2
       vmovss   dword ptr [rdx], xmm1
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm1, xmm3
       jbe      SHORT G_M000_IG25
       vmovss   xmm4, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG27
 
G_M000_IG25:                ;; offset=0x0199
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm4, xmm1
       jbe      SHORT G_M000_IG26
       vmovss   xmm4, dword ptr [reloc @RWD16]
       jmp      SHORT G_M000_IG27
 
G_M000_IG26:                ;; offset=0x01AD
       vmovaps  xmm4, xmm1
 
G_M000_IG27:                ;; offset=0x01B1
       vmulss   xmm1, xmm4, dword ptr [rdi]
       jmp      SHORT G_M000_IG32
 
G_M000_IG28:                ;; offset=0x01B7
       vmovss   xmm1, dword ptr [rdi]
       vmulss   xmm1, xmm1, dword ptr [reloc @RWD20]
       vucomiss xmm3, xmm1
       ja       SHORT G_M000_IG30
       vmovss   xmm4, dword ptr [reloc @RWD08]
       vucomiss xmm1, xmm4
       ja       SHORT G_M000_IG29
       jmp      SHORT G_M000_IG31
 
G_M000_IG29:                ;; offset=0x01D9
       vmovaps  xmm1, xmm4
       jmp      SHORT G_M000_IG31
 
G_M000_IG30:                ;; offset=0x01DF
       vmovaps  xmm1, xmm3
 
G_M000_IG31:                ;; offset=0x01E3
       vmovss   dword ptr [rdi], xmm1
       xor      edi, edi
       mov      dword ptr [rdx], edi
       vxorps   xmm1, xmm1, xmm1
 
G_M000_IG32:                ;; offset=0x01EF
       vsubss   xmm0, xmm0, xmm1
       vmovss   dword ptr [rsi], xmm0
 
G_M000_IG33:                ;; offset=0x01F7
       pop      rbp
       ret      
 
G_M000_IG34:                ;; offset=0x01F9
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.HandWritten.Lengths:Throw(int,int,int)]
       int3     
 
RWD00  	dd	3F99999Ah		;       1.2
RWD04  	dd	358637BDh		;     1e-06
RWD08  	dd	42480000h		;        50
RWD12  	dd	3F800000h		;         1
RWD16  	dd	BF800000h		;        -1
RWD20  	dd	3F000000h		;       0.5

; Total bytes of code 522

